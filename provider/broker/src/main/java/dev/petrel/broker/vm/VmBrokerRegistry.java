package dev.petrel.broker.vm;

import dev.petrel.broker.Broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The brokers running in this JVM, by name, for {@code vm://<name>} URLs.
 *
 * <p>This is the project's one static mutable map, on purpose: a client finds an embedded broker
 * only through a URL string (from JNDI, a resource adapter's configuration, application code), and
 * the client module has no compile-time link to the broker, so the broker must be findable by name
 * from anywhere in the JVM. {@link dev.petrel.broker.EmbeddedBroker} registers on start and
 * unregisters on close. Thread-safe.
 */
public final class VmBrokerRegistry {
    private static final Map<String, Broker> BROKERS = new ConcurrentHashMap<>();

    private VmBrokerRegistry() {
    }

    /** Registers a broker; {@code IllegalStateException} when the name is taken. */
    public static void register(Broker broker) {
        Broker previous = BROKERS.putIfAbsent(broker.name(), broker);
        if (previous != null) {
            throw new IllegalStateException("an embedded broker named '" + broker.name() + "' is already running in this JVM");
        }
    }

    public static void unregister(Broker broker) {
        BROKERS.remove(broker.name(), broker);
    }

    /** The broker with this name, or null. */
    public static Broker find(String name) {
        return BROKERS.get(name);
    }
}
