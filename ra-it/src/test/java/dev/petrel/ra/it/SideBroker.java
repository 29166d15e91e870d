package dev.petrel.ra.it;

import dev.petrel.broker.DestinationPolicy;
import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Petrel broker the server's applications talk to: embedded in the test JVM with a TCP
 * listener on a free loopback port. Messages go to {@value #DLQ} after {@value #MAX_DELIVERY_ATTEMPTS}
 * attempts. Started once, by the first deployment method, before anything is deployed; stopped when the JVM exits.
 *
 * <p>Threading: {@link #get()} is synchronized; the broker itself is thread-safe.
 */
final class SideBroker {

    static final String DLQ = "DLQ";
    static final int MAX_DELIVERY_ATTEMPTS = 3;

    private static SideBroker instance;

    private final Path data;
    private EmbeddedBroker broker;
    private TcpServer tcp;

    private SideBroker(Path data, EmbeddedBroker broker, TcpServer tcp) {
        this.data = data;
        this.broker = broker;
        this.tcp = tcp;
    }

    private static EmbeddedBroker startBroker(Path data) {
        return EmbeddedBroker.builder().name("ra-it").dataDirectory(data)
                .defaultPolicy(new DestinationPolicy(MAX_DELIVERY_ATTEMPTS, DLQ, "ExpiryQueue")).start();
    }

    /** Stops the broker and starts it again on the same data and port, as an administrator's restart would. */
    synchronized void restart() throws IOException {
        int port = tcp.port();
        tcp.close();
        broker.close();
        broker = startBroker(data);
        tcp = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(port).build(), broker.broker());
    }

    static synchronized SideBroker get() {
        if (instance == null) {
            try {
                Path data = Files.createTempDirectory("petrel-ra-it");
                EmbeddedBroker broker = startBroker(data);
                instance = new SideBroker(data, broker, TcpServer.start(
                        TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker.broker()));
                // Stopped when the test JVM ends, after Arquillian has undeployed and stopped the
                // server: stopping it in @AfterAll would pull it from under deployed MDBs.
                Runtime.getRuntime().addShutdownHook(new Thread(SideBroker::stop, "petrel-ra-it-broker-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the Petrel broker beside the server", e);
            }
        }
        return instance;
    }

    synchronized String url() {
        return tcp.url();
    }

    PetrelConnectionFactory factory() {
        return new PetrelConnectionFactory(url());
    }

    /** The next message's text on {@code queue}, or null when none arrives within {@code timeoutMs}. */
    String receiveText(String queue, long timeoutMs) throws JMSException {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            connection.start();
            Message message = consumer.receive(timeoutMs);
            return message == null ? null : ((TextMessage) message).getText();
        }
    }

    void send(String destination, boolean topic, String text) throws JMSException {
        try (Connection connection = factory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(topic ? session.createTopic(destination) : session.createQueue(destination))
                    .send(session.createTextMessage(text));
        }
    }

    static synchronized void stop() {
        if (instance != null) {
            instance.tcp.close();
            instance.broker.close();
            instance = null;
        }
    }
}
