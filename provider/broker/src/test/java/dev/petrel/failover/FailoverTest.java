package dev.petrel.failover;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failover between real brokers over TCP, through the JMS API. */
class FailoverTest {

    private static final String OPTIONS =
            "?initialReconnectDelay=20&maxReconnectDelay=100&maxReconnectAttempts=60&randomize=false&reconnectTimeout=10000";
    private static final long RECEIVE_MILLIS = 10_000;

    @TempDir
    Path dir;

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private TcpBroker broker(String name) {
        TcpBroker broker = TcpBroker.start(name, dir.resolve(name));
        resources.add(broker);
        return broker;
    }

    private Connection connect(String url) throws JMSException {
        Connection connection = new PetrelConnectionFactory(url).createConnection();
        resources.add(connection);
        return connection;
    }

    private Connection failover(String options, TcpBroker... members) throws JMSException {
        StringBuilder url = new StringBuilder("failover:(");
        for (int i = 0; i < members.length; i++) {
            url.append(i == 0 ? "" : ",").append(members[i].url());
        }
        return connect(url.append(')').append(options).toString());
    }

    /** Texts of the messages on a queue of a broker, read through a plain TCP connection. */
    private Set<String> drain(TcpBroker broker, String queue) throws JMSException {
        Connection direct = connect(broker.url());
        direct.start();
        Session session = direct.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
        Set<String> texts = new HashSet<>();
        Message message;
        while ((message = consumer.receive(500)) != null) {
            texts.add(((TextMessage) message).getText());
        }
        direct.close();
        return texts;
    }

    private static void sendRetryingUnknownOutcome(MessageProducer producer, Session session, String text) throws JMSException {
        while (true) {
            try {
                producer.send(session.createTextMessage(text));
                return;
            } catch (JMSException e) {
                assertTrue(e.getMessage().contains("outcome of a send is unknown"), "unexpected send failure: " + e);
            }
        }
    }

    @Test
    void producerKeepsSendingAcrossTheLossOfTheFirstBrokerAndContinuesOnTheSecond() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        Connection connection = failover(OPTIONS, a, b);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        producer.send(session.createTextMessage("before"));

        a.stop();
        for (int i = 0; i < 10; i++) {
            sendRetryingUnknownOutcome(producer, session, "after-" + i);
        }

        Set<String> onB = drain(b, "orders");
        for (int i = 0; i < 10; i++) {
            assertTrue(onB.contains("after-" + i), "broker b lacks after-" + i + ": " + onB);
        }
    }

    @Test
    void consumerContinuesReceivingFromTheSecondBrokerAfterFailoverWithoutMissingAMessage() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        Connection connection = failover(OPTIONS, a, b);
        List<JMSException> reported = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(reported::add);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue("events"));

        a.stop();
        Connection direct = connect(b.url());
        Session directSession = direct.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = directSession.createProducer(directSession.createQueue("events"));
        for (int i = 0; i < 10; i++) {
            producer.send(directSession.createTextMessage("m" + i));
        }

        Set<String> received = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            Message message = consumer.receive(RECEIVE_MILLIS);
            assertNotNull(message, "only " + received + " received after failover");
            received.add(((TextMessage) message).getText());
        }
        assertEquals(10, received.size());
    }

    @Test
    void successfulFailoverDoesNotCallTheExceptionListener() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        Connection connection = failover(OPTIONS, a, b);
        List<JMSException> reported = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(reported::add);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue("q"));

        a.stop();
        sendRetryingUnknownOutcome(producer, session, "on b");

        assertEquals(Set.of("on b"), drain(b, "q"));
        assertTrue(reported.isEmpty(), "ExceptionListener was called: " + reported);
    }

    @Test
    void transactedSessionWithUncommittedWorkGetsTransactionRolledBackOnCommitAfterFailoverThenWorks() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        Connection connection = failover(OPTIONS, a, b);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue("tx");
        MessageProducer producer = session.createProducer(queue);
        producer.send(session.createTextMessage("lost"));

        a.stop();
        TransactionRolledBackException rolledBack = assertThrows(TransactionRolledBackException.class, session::commit);
        assertTrue(rolledBack.getMessage().contains("failover"), rolledBack.getMessage());

        producer.send(session.createTextMessage("kept"));
        session.commit();
        assertEquals(Set.of("kept"), drain(b, "tx"));
    }

    @Test
    void durableSubscriptionReattachesWhenTheSameBrokerRestarts() throws Exception {
        TcpBroker a = broker("a");
        Connection connection = failover(OPTIONS, a);
        connection.setClientID("subscriber");
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic topic = session.createTopic("news");
        TopicSubscriber subscriber = session.createDurableSubscriber(topic, "daily");

        a.stop();
        a.restart();
        Connection direct = connect(a.url());
        Session directSession = direct.createSession(false, Session.AUTO_ACKNOWLEDGE);
        directSession.createProducer(directSession.createTopic("news")).send(directSession.createTextMessage("headline"));

        Message message = subscriber.receive(RECEIVE_MILLIS);
        assertNotNull(message, "the durable subscriber received nothing after reconnecting");
        assertEquals("headline", ((TextMessage) message).getText());
    }

    @Test
    void reconnectingToTheSameRestartedBrokerReceivesEveryConfirmedPersistentMessage() throws Exception {
        TcpBroker a = broker("a");
        Connection connection = failover(OPTIONS, a);
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue("durable");
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 5; i++) {
            producer.send(session.createTextMessage("p" + i));
        }
        MessageConsumer consumer = session.createConsumer(queue);
        Message first = consumer.receive(RECEIVE_MILLIS);
        assertNotNull(first);

        a.stop();
        a.restart();
        first.acknowledge();
        Set<String> received = new HashSet<>();
        received.add(((TextMessage) first).getText());
        Message message;
        while (received.size() < 5 && (message = consumer.receive(RECEIVE_MILLIS)) != null) {
            received.add(((TextMessage) message).getText());
            message.acknowledge();
        }
        assertEquals(Set.of("p0", "p1", "p2", "p3", "p4"), received);
    }

    @Test
    void exceptionListenerIsCalledWhenEveryMemberStaysDownAfterTheBoundedAttempts() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        Connection connection = failover("?initialReconnectDelay=10&maxReconnectDelay=20&maxReconnectAttempts=3&randomize=false",
                a, b);
        CompletableFuture<JMSException> reported = new CompletableFuture<>();
        connection.setExceptionListener(reported::complete);

        a.stop();
        b.stop();

        JMSException failure = reported.get(20, TimeUnit.SECONDS);
        assertTrue(failure.getMessage().contains("3 attempts"), failure.getMessage());
    }

    @Test
    void browserOpenDuringFailoverFailsSayingWhy() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        Connection connection = failover(OPTIONS, a, b);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue queue = session.createQueue("browsed");
        session.createProducer(queue).send(session.createTextMessage("x"));
        var browser = session.createBrowser(queue);
        var enumeration = browser.getEnumeration();

        a.stop();
        session.createProducer(queue).send(session.createTextMessage("y"));
        JMSRuntimeException failure = assertThrows(JMSRuntimeException.class, enumeration::hasMoreElements);
        assertTrue(failure.getMessage().contains("failover"), failure.getMessage());
    }

    @Test
    void connectingSkipsAFirstMemberThatIsDown() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        a.stop();
        Connection connection = failover(OPTIONS, a, b);
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);

        session.createProducer(session.createQueue("start")).send(session.createTextMessage("on b"));

        assertEquals(Set.of("on b"), drain(b, "start"));
    }

    @Test
    void temporaryQueueAndItsConsumerAreRecreatedOnTheNextMember() throws Exception {
        TcpBroker a = broker("a");
        TcpBroker b = broker("b");
        Connection connection = failover(OPTIONS, a, b);
        connection.start();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        jakarta.jms.TemporaryQueue replies = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(replies);

        a.stop();
        sendRetryingUnknownOutcome(session.createProducer(replies), session, "reply");

        Message message = consumer.receive(RECEIVE_MILLIS);
        assertNotNull(message, "nothing received on the re-created temporary queue");
        assertEquals("reply", ((TextMessage) message).getText());
    }
}
