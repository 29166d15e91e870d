package dev.petrel.broker;

import dev.petrel.broker.vm.VmBrokerRegistry;
import dev.petrel.store.MessageStore;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Petrel broker running inside the application's JVM, reachable at {@code vm://<name>}.
 *
 * <pre>{@code
 * try (EmbeddedBroker broker = EmbeddedBroker.builder()
 *         .name("orders")
 *         .dataDirectory(Path.of("data"))
 *         .start()) {
 *     ConnectionFactory cf = new PetrelConnectionFactory("vm://orders");
 *     ...
 * }
 * }</pre>
 *
 * Closing stops accepting connections, closes every connection, finishes store writes and closes
 * the store cleanly. Two brokers never share a data directory. Thread-safe.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Broker broker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedBroker(Broker broker) {
        this.broker = broker;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The broker's name, the host part of its {@code vm://} URL. */
    public String name() {
        return broker.name();
    }

    /** {@code vm://<name>}. */
    public String url() {
        return "vm://" + name();
    }

    /** The broker core (for the management API and the network server). */
    public Broker broker() {
        return broker;
    }

    /** The management API over this broker (what the admin console uses). */
    public dev.petrel.management.BrokerAdmin admin() {
        return broker.admin();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        VmBrokerRegistry.unregister(broker);
        broker.close();
    }

    /** Configures and starts an embedded broker. Every setting has a sensible default. */
    public static final class Builder {
        private String name = "petrel";
        private Path dataDirectory = Path.of("data");
        private boolean persistent = true;
        private boolean autoCreateDestinations = true;
        private long memoryLimitBytes = 256L * 1024 * 1024;
        private long memoryWaitMillis = BrokerConfig.DEFAULT_MEMORY_WAIT_MILLIS;
        private long queueMemoryLimitBytes = 16L * 1024 * 1024;
        private DestinationPolicy defaultPolicy = DestinationPolicy.DEFAULT;
        private final java.util.LinkedHashMap<String, DestinationPolicy> policies = new java.util.LinkedHashMap<>();
        private MessageStore store;
        private Authenticator authenticator = Authenticator.ACCEPT_ALL;
        private dev.petrel.broker.security.Authorizer authorizer = dev.petrel.broker.security.Authorizer.ALLOW_ALL;

        /** The broker's name ({@code vm://<name>}); default {@code petrel}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Where the store lives; default {@code ./data}. Locked while the broker runs. */
        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        /** False runs without a store: persistent messages are kept in memory only. Default true. */
        public Builder persistent(boolean persistent) {
            this.persistent = persistent;
            return this;
        }

        /** Whether sending to or consuming from an unknown destination creates it; default true. */
        public Builder autoCreateDestinations(boolean autoCreate) {
            this.autoCreateDestinations = autoCreate;
            return this;
        }

        /**
         * Heap the broker may use for messages in all destinations; default 256 MiB. Persistent
         * messages beyond it are paged to the store; a send of messages that cannot be paged
         * (non-persistent, or no store) is held until consumers free memory, at most
         * {@link #memoryWaitMillis}, then fails with {@code ResourceAllocationException} naming the limit.
         */
        public Builder memoryLimit(long bytes) {
            this.memoryLimitBytes = bytes;
            return this;
        }

        /** How long a send may be held for memory past the limit (0: refused at once); default 30 s. */
        public Builder memoryWaitMillis(long millis) {
            this.memoryWaitMillis = millis;
            return this;
        }

        /** Heap one queue (or subscription) keeps in memory; past it the backlog is paged from the store. Default 16 MiB. */
        public Builder queueMemoryLimit(long bytes) {
            this.queueMemoryLimitBytes = bytes;
            return this;
        }

        /** The policy of destinations no pattern matches. */
        public Builder defaultPolicy(DestinationPolicy policy) {
            this.defaultPolicy = policy;
            return this;
        }

        /** A policy for destinations whose name matches {@code pattern} ({@code *} wildcard); first match wins. */
        public Builder policy(String pattern, DestinationPolicy policy) {
            this.policies.put(pattern, policy);
            return this;
        }

        /** The user check for new connections; default accepts everyone. */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        /** The permission check for every client action (send, consume, browse, ...); default allows everything. */
        public Builder authorizer(dev.petrel.broker.security.Authorizer authorizer) {
            this.authorizer = authorizer;
            return this;
        }

        /**
         * Uses this store (not yet opened; the broker opens and closes it) instead of the default H2
         * store in the data directory: an H2 store with its own {@code H2StoreConfig}, tests, other engines.
         */
        public Builder store(MessageStore store) {
            this.store = store;
            return this;
        }

        /** Opens the store, recovers, and registers the broker for {@code vm://<name>}. */
        public EmbeddedBroker start() {
            BrokerConfig config = new BrokerConfig(name, autoCreateDestinations, memoryLimitBytes,
                    queueMemoryLimitBytes, defaultPolicy, policies, memoryWaitMillis);
            MessageStore messageStore = persistent ? (store != null ? store : openDefaultStore()) : null;
            Broker broker;
            try {
                broker = new Broker(config, messageStore, authenticator, authorizer);
            } catch (Exception e) {
                if (messageStore != null) {
                    messageStore.close();
                }
                throw new IllegalStateException("broker '" + name + "' could not start: " + e.getMessage(), e);
            }
            try {
                VmBrokerRegistry.register(broker);
            } catch (IllegalStateException e) {
                broker.close();
                throw e;
            }
            return new EmbeddedBroker(broker);
        }

        private MessageStore openDefaultStore() {
            return new H2MessageStore(H2StoreConfig.builder(dataDirectory).build());
        }
    }
}
