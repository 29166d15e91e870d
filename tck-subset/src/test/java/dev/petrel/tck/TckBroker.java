package dev.petrel.tck;

import dev.petrel.broker.DestinationPolicy;
import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnectionFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The only Petrel-specific code of the TCK subset: one embedded broker and the
 * {@link ConnectionFactory} that reaches it over the transport chosen by the system property
 * {@value #TRANSPORT_PROPERTY} ({@code vm}, the default, or {@code tcp}).
 *
 * <p>Every broker uses the policy the tests rely on: a message goes to the queue {@value #DLQ}
 * after {@value #MAX_DELIVERY_ATTEMPTS} delivery attempts, and expired messages go to
 * {@value #EXPIRY_QUEUE}.
 *
 * <p>Threading: confined to the thread that starts the tests of one class.
 */
public final class TckBroker implements AutoCloseable {

    public static final String TRANSPORT_PROPERTY = "petrel.tck.transport";
    public static final int MAX_DELIVERY_ATTEMPTS = 5;
    public static final String DLQ = "DLQ";
    public static final String EXPIRY_QUEUE = "ExpiryQueue";

    private final EmbeddedBroker broker;
    private final Path dataDirectory;
    private final TcpServer tcpServer;

    private TckBroker(EmbeddedBroker broker, Path dataDirectory, TcpServer tcpServer) {
        this.broker = broker;
        this.dataDirectory = dataDirectory;
        this.tcpServer = tcpServer;
    }

    /**
     * Starts a persistent broker named {@code name} whose store lives in {@code dataDirectory}, and,
     * for the TCP transport, a TCP listener on a free loopback port in front of it.
     */
    public static TckBroker start(String name, Path dataDirectory) {
        String transport = transport();
        EmbeddedBroker broker = EmbeddedBroker.builder()
                .name(name)
                .dataDirectory(dataDirectory)
                .defaultPolicy(new DestinationPolicy(MAX_DELIVERY_ATTEMPTS, DLQ, EXPIRY_QUEUE))
                .start();
        TcpServer tcp = null;
        if (transport.equals("tcp")) {
            // ===== TCP TRANSPORT: the one place it is wired (a listener on an ephemeral port). =====
            try {
                tcp = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker.broker());
            } catch (IOException | RuntimeException e) {
                broker.close();
                throw e instanceof IOException
                        ? new UncheckedIOException("cannot start the TCP listener for the TCK", (IOException) e)
                        : (RuntimeException) e;
            }
        }
        return new TckBroker(broker, dataDirectory, tcp);
    }

    private static String transport() {
        String transport = System.getProperty(TRANSPORT_PROPERTY, "vm");
        if (!transport.equals("vm") && !transport.equals("tcp")) {
            throw new IllegalStateException(TRANSPORT_PROPERTY + " must be 'vm' or 'tcp', was '" + transport + "'");
        }
        return transport;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The point-to-point (legacy domain) connection factory for this broker. */
    public QueueConnectionFactory queueConnectionFactory() {
        return new PetrelConnectionFactory(connectionUrl());
    }

    /** The publish/subscribe (legacy domain) connection factory for this broker. */
    public TopicConnectionFactory topicConnectionFactory() {
        return new PetrelConnectionFactory(connectionUrl());
    }

    /** A connection factory for this broker over the transport named by {@value #TRANSPORT_PROPERTY}. */
    public ConnectionFactory connectionFactory() {
        return new PetrelConnectionFactory(connectionUrl());
    }

    /** The URL tests connect to: {@code vm://<name>}, or the TCP listener's {@code tcp://127.0.0.1:<port>}. */
    public String connectionUrl() {
        return tcpServer != null ? tcpServer.url() : broker.url();
    }

    @Override
    public void close() {
        try {
            if (tcpServer != null) {
                tcpServer.close();
            }
        } finally {
            broker.close();
        }
    }
}
