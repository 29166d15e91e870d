package dev.petrel.tck;

import dev.petrel.broker.DestinationPolicy;
import dev.petrel.broker.EmbeddedBroker;
import jakarta.jms.ConnectionFactory;

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

    private TckBroker(EmbeddedBroker broker, Path dataDirectory) {
        this.broker = broker;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a persistent broker named {@code name} whose store lives in {@code dataDirectory}. */
    public static TckBroker start(String name, Path dataDirectory) {
        EmbeddedBroker broker = EmbeddedBroker.builder()
                .name(name)
                .dataDirectory(dataDirectory)
                .defaultPolicy(new DestinationPolicy(MAX_DELIVERY_ATTEMPTS, DLQ, EXPIRY_QUEUE))
                .start();
        return new TckBroker(broker, dataDirectory);
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** A connection factory for this broker over the transport named by {@value #TRANSPORT_PROPERTY}. */
    public ConnectionFactory connectionFactory() {
        // TEMPORARY until petrel-client lands in main: then `new PetrelConnectionFactory(connectionUrl())`.
        try {
            return (ConnectionFactory) Class.forName("dev.petrel.client.PetrelConnectionFactory")
                    .getConstructor(String.class).newInstance(connectionUrl());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create dev.petrel.client.PetrelConnectionFactory", e);
        }
    }

    /** The URL tests connect to. */
    public String connectionUrl() {
        String transport = System.getProperty(TRANSPORT_PROPERTY, "vm");
        switch (transport) {
            case "vm":
                return broker.url();
            case "tcp":
                // ===== TCP TRANSPORT: the one place to wire it. =====
                // When the broker has a TCP acceptor, start it in start() above and return its
                // tcp://host:port URL here.
                throw new IllegalStateException(TRANSPORT_PROPERTY + "=tcp: the TCP transport is not wired into"
                        + " the TCK fixture yet (see TckBroker.connectionUrl)");
            default:
                throw new IllegalStateException(TRANSPORT_PROPERTY + " must be 'vm' or 'tcp', was '" + transport + "'");
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
