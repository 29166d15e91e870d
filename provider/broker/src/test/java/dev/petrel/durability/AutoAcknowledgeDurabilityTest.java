package dev.petrel.durability;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AUTO_ACKNOWLEDGE guarantee with pipelined acknowledgements, on a real H2 store over vm:// and
 * tcp://: once the next message was received (or the session closed), the previous one is
 * acknowledged durably; only the last consumed message may come back after the broker stops.
 */
class AutoAcknowledgeDurabilityTest {

    private static final Logger LOG = LoggerFactory.getLogger(AutoAcknowledgeDurabilityTest.class);
    private static final String QUEUE = "auto.ack.durability";

    @TempDir
    Path data;

    private EmbeddedBroker broker;
    private TcpServer server;

    private String start(String transport) throws IOException {
        broker = EmbeddedBroker.builder().name("auto-ack-" + transport).dataDirectory(data).start();
        if (transport.equals("tcp")) {
            server = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker.broker());
            return server.url();
        }
        return broker.url();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    private static void sendPersistent(String url, String... bodies) throws JMSException {
        try (Connection connection = new PetrelConnectionFactory(url).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (String body : bodies) {
                producer.send(session.createTextMessage(body));
            }
        }
    }

    /** Receives in AUTO mode until the queue stays empty for a second. */
    private static List<String> drain(String url) throws JMSException {
        List<String> bodies = new ArrayList<>();
        try (Connection connection = new PetrelConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            for (Message m = consumer.receive(1000); m != null; m = consumer.receive(1000)) {
                bodies.add(((TextMessage) m).getText());
            }
        }
        return bodies;
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void messageFollowedByAReceivedOneIsGoneAfterTheBrokerStopsAndOnlyTheLastConsumedMayComeBack(String transport)
            throws Exception {
        String url = start(transport);
        sendPersistent(url, "1", "2", "3");
        Connection consuming = new PetrelConnectionFactory(url).createConnection();
        consuming.start();
        Session session = consuming.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
        assertEquals("1", ((TextMessage) consumer.receive(5000)).getText());
        assertEquals("2", ((TextMessage) consumer.receive(5000)).getText());

        stop();
        try {
            consuming.close();
        } catch (JMSException e) {
            LOG.info("closing the consumer's connection after its broker stopped: {}", e.getMessage());
        }
        List<String> after = drain(start(transport));

        assertFalse(after.contains("1"), "message 1 was acknowledged when message 2 was received; came back: " + after);
        assertTrue(after.contains("3"), "message 3 was never received; it must still be there: " + after);
        assertTrue(Set.of("2", "3").containsAll(after), "only the last consumed message (2) may come back: " + after);
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void messageReceivedBeforeItsSessionClosedIsNotRedeliveredToAnotherConsumer(String transport) throws Exception {
        String url = start(transport);
        sendPersistent(url, "1", "2");
        try (Connection first = new PetrelConnectionFactory(url).createConnection()) {
            first.start();
            Session session = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(QUEUE);
            assertEquals("1", ((TextMessage) session.createConsumer(queue).receive(5000)).getText());
            session.close();

            assertEquals(List.of("2"), drain(url));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void messageReceivedBeforeItsSessionClosedIsGoneAfterARestart(String transport) throws Exception {
        String url = start(transport);
        sendPersistent(url, "1", "2");
        try (Connection first = new PetrelConnectionFactory(url).createConnection()) {
            first.start();
            Session session = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals("1", ((TextMessage) session.createConsumer(session.createQueue(QUEUE)).receive(5000)).getText());
            session.close();
        }
        stop();

        assertEquals(List.of("2"), drain(start(transport)));
    }
}
