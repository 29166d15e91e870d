package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.store.MessageStore;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A broker for one test, with helpers to connect; close it after the test. */
final class BrokerFixture implements AutoCloseable {
    final Broker broker;
    private final List<BrokerConnection> connections = new ArrayList<>();

    BrokerFixture() throws Exception {
        this(BrokerConfig.defaults("test"), null);
    }

    BrokerFixture(BrokerConfig config, MessageStore store) throws Exception {
        broker = new Broker(config, store, Authenticator.ACCEPT_ALL);
    }

    static BrokerConfig config(long queueMemoryLimit, DestinationPolicy policy) {
        return new BrokerConfig("test", true, 64L * 1024 * 1024, queueMemoryLimit, policy, Map.of());
    }

    BrokerConnection connect(RecordingHandler handler) throws Exception {
        BrokerConnection c = broker.connect("user", "pw", handler);
        connections.add(c);
        return c;
    }

    /** A connection with session 1 in the given mode. */
    BrokerConnection connectWithSession(RecordingHandler handler, int ackMode) throws Exception {
        BrokerConnection c = connect(handler);
        c.createSession(1, ackMode);
        return c;
    }

    BrokerConnection connectWithSession(RecordingHandler handler) throws Exception {
        return connectWithSession(handler, Session.CLIENT_ACKNOWLEDGE);
    }

    static ConsumerSpec consumer(DestinationRef destination, int prefetch) {
        return new ConsumerSpec(destination, null, false, null, false, false, prefetch);
    }

    @Override
    public void close() {
        for (BrokerConnection c : connections) {
            c.close();
        }
        broker.close();
    }
}
