package dev.petrel.broker.admin;

import dev.petrel.broker.DestinationPolicy;
import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.message.TextBodyCodec;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A real embedded broker with an H2 store in a test's temporary directory, its management API, and
 * helpers that act as JMS clients through the broker's connection SPI. Close it after the test.
 */
final class AdminTestBroker implements AutoCloseable {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** A client that records what the broker hands it. Thread-safe. */
    static final class Client implements ClientHandler {
        final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<JMSException> failures = new LinkedBlockingQueue<>();
        BrokerConnection connection;

        @Override
        public void deliver(Delivery delivery) {
            deliveries.add(delivery);
        }

        @Override
        public void consumerClosed(long consumerId, JMSException reason) {
        }

        @Override
        public void connectionFailed(JMSException cause) {
            failures.add(cause);
        }

        Delivery next() throws InterruptedException {
            Delivery d = deliveries.poll(10, TimeUnit.SECONDS);
            if (d == null) {
                throw new AssertionError("no delivery within 10 s");
            }
            return d;
        }
    }

    final EmbeddedBroker broker;
    final BrokerAdmin admin;
    private final List<BrokerConnection> connections = new ArrayList<>();

    AdminTestBroker(Path dataDirectory) {
        this(dataDirectory, 16L * 1024 * 1024, DestinationPolicy.DEFAULT, true);
    }

    AdminTestBroker(Path dataDirectory, long queueMemoryLimit, DestinationPolicy policy, boolean autoCreate) {
        broker = EmbeddedBroker.builder()
                .name("admin-test-" + NAMES.incrementAndGet())
                .dataDirectory(dataDirectory)
                .queueMemoryLimit(queueMemoryLimit)
                .defaultPolicy(policy)
                .autoCreateDestinations(autoCreate)
                .start();
        admin = broker.admin();
    }

    /** A connection (optionally with a client id) with session 1 in {@code ackMode}. */
    Client connect(String clientId, int ackMode) throws JMSException {
        Client client = new Client();
        client.connection = broker.broker().connect("app", "pw", client);
        connections.add(client.connection);
        if (clientId != null) {
            client.connection.setClientId(clientId);
        }
        client.connection.createSession(1, ackMode);
        return client;
    }

    /** Sends {@code count} persistent text messages in one transaction; {@code properties} per index. */
    void send(DestinationRef to, int count, IntFunction<Map<String, Object>> properties) throws JMSException {
        Client client = connect(null, Session.SESSION_TRANSACTED);
        for (int i = 0; i < count; i++) {
            client.connection.send(1, message(to, "m" + i, properties.apply(i)));
        }
        client.connection.commit(1, List.of());
        client.connection.close();
    }

    void send(DestinationRef to, int count) throws JMSException {
        send(to, count, i -> Map.of("n", i));
    }

    static MessageData message(DestinationRef to, String text, Map<String, Object> properties) {
        return new MessageData("ID:" + text, System.currentTimeMillis(), null, null, null, to, DeliveryMode.PERSISTENT,
                4, 0, 0, null, properties, BodyType.TEXT, TextBodyCodec.encode(text));
    }

    static ConsumerSpec consumer(DestinationRef destination, int prefetch) {
        return new ConsumerSpec(destination, null, false, null, false, false, prefetch);
    }

    static ConsumerSpec durable(DestinationRef topic, String name, int prefetch) {
        return new ConsumerSpec(topic, null, false, name, true, false, prefetch);
    }

    /** Creates a durable subscription for {@code clientId} and closes its consumer (it stays, offline). */
    void offlineDurable(String topic, String clientId, String name) throws JMSException {
        Client client = connect(clientId, Session.AUTO_ACKNOWLEDGE);
        client.connection.createConsumer(1, 1, durable(DestinationRef.topic(topic), name, 0));
        client.connection.close();
    }

    @Override
    public void close() {
        for (BrokerConnection c : connections) {
            c.close();
        }
        broker.close();
    }
}
