package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import dev.petrel.store.MessageStore;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.petrel.broker.BrokerFixture.consumer;
import static dev.petrel.broker.Messages.body;
import static dev.petrel.broker.Messages.persistent;
import static dev.petrel.broker.Messages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What survives a restart, against the test store (the same checks run against H2 in
 * {@code H2RecoveryTest}). Subclasses supply another store.
 */
class RecoveryTest {
    static final DestinationRef QUEUE = DestinationRef.queue("durable-work");
    static final DestinationRef TOPIC = DestinationRef.topic("events");
    private final InMemoryStore sharedStore = new InMemoryStore();
    private BrokerFixture fixture;
    RecordingHandler client;
    BrokerConnection connection;

    /** The store for the next broker; the same data each time. */
    MessageStore store() throws Exception {
        return sharedStore;
    }

    void startBroker() throws Exception {
        fixture = new BrokerFixture(BrokerFixture.config(16L * 1024 * 1024, DestinationPolicy.DEFAULT), store());
        client = new RecordingHandler();
        connection = fixture.connectWithSession(client, Session.CLIENT_ACKNOWLEDGE);
    }

    void restart() throws Exception {
        fixture.close();
        startBroker();
    }

    @AfterEach
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private void send(DestinationRef to, String body) {
        connection.send(1, persistent(to, body)).toCompletableFuture().join();
    }

    @Test
    void persistentMessagesSurviveARestartAndNonPersistentOnesDoNot() throws Exception {
        startBroker();
        send(QUEUE, "kept-1");
        connection.send(1, text(QUEUE, "lost")).toCompletableFuture().join();
        send(QUEUE, "kept-2");
        restart();

        connection.createConsumer(1, 10, consumer(QUEUE, 10));
        assertEquals(List.of("kept-1", "kept-2"), client.next(2).stream().map(Messages::body).toList());
        assertFalse(connection.pull(10));
    }

    @Test
    void pullRightAfterARestartDeliversARecoveredMessage() throws Exception {
        startBroker();
        send(QUEUE, "waiting in the store");
        restart();

        connection.createConsumer(1, 10, consumer(QUEUE, 0));
        assertTrue(connection.pull(10));
        assertEquals("waiting in the store", body(client.next()));
    }

    @Test
    void acknowledgedMessageDoesNotComeBackAfterARestart() throws Exception {
        startBroker();
        send(QUEUE, "done");
        connection.createConsumer(1, 10, consumer(QUEUE, 10));
        connection.acknowledge(1, List.of(client.next().deliveryId()));
        restart();

        connection.createConsumer(1, 10, consumer(QUEUE, 0));
        assertFalse(connection.pull(10));
    }

    @Test
    void returnedMessageKeepsItsDeliveryCountAcrossARestart() throws Exception {
        startBroker();
        send(QUEUE, "counted");
        connection.createConsumer(1, 10, consumer(QUEUE, 1));
        Delivery first = client.next();
        connection.recover(1, List.of(first.deliveryId()), List.of());
        restart();

        connection.createConsumer(1, 10, consumer(QUEUE, 1));
        Delivery again = client.next();
        assertEquals(2, again.deliveryCount());
        assertTrue(again.redelivered());
    }

    @Test
    void messagesSentAfterARestartComeAfterTheRecoveredOnes() throws Exception {
        startBroker();
        send(QUEUE, "before");
        restart();
        send(QUEUE, "after");

        connection.createConsumer(1, 10, consumer(QUEUE, 10));
        assertEquals(List.of("before", "after"), client.next(2).stream().map(Messages::body).toList());
    }

    @Test
    void durableSubscriptionAndItsMessagesSurviveARestart() throws Exception {
        startBroker();
        connection.setClientId("app");
        ConsumerSpec durable = new ConsumerSpec(TOPIC, null, false, "audit", true, false, 10);
        connection.createConsumer(1, 10, durable);
        connection.closeConsumer(10, List.of());
        send(TOPIC, "while down");
        restart();

        connection.setClientId("app");
        connection.createConsumer(1, 10, durable);
        assertEquals("while down", body(client.next()));
    }
}
