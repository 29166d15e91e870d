package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.petrel.broker.BrokerFixture.consumer;
import static dev.petrel.broker.Messages.body;
import static dev.petrel.broker.Messages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Transactions, rollback, recover, dead-lettering, expiry and delivery delay. */
class RedeliveryTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("work");
    private BrokerFixture fixture;
    private final RecordingHandler client = new RecordingHandler();
    private BrokerConnection connection;

    @BeforeEach
    void start() throws Exception {
        fixture = new BrokerFixture(BrokerFixture.config(16L * 1024 * 1024, new DestinationPolicy(3, "DLQ", "ExpiryQueue")), null);
        connection = fixture.connectWithSession(client, Session.SESSION_TRANSACTED);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void rolledBackMessageIsRedeliveredWithIncrementedCount() throws Exception {
        connection.send(1, text(QUEUE, "retry")).toCompletableFuture().join();
        connection.commit(1, List.of());
        connection.createConsumer(1, 10, consumer(QUEUE, 1));
        Delivery first = client.next();

        connection.rollback(1, List.of(first.deliveryId()), List.of());
        connection.grantCredit(10, 1);

        Delivery second = client.next();
        assertEquals("retry", body(second));
        assertEquals(2, second.deliveryCount());
        assertTrue(second.redelivered());
    }

    @Test
    void messagePastMaxDeliveryAttemptsGoesToTheDeadLetterQueue() throws Exception {
        connection.send(1, text(QUEUE, "poison")).toCompletableFuture().join();
        connection.commit(1, List.of());
        connection.createConsumer(1, 10, consumer(QUEUE, 1));
        for (int attempt = 1; attempt <= 3; attempt++) {
            Delivery d = client.next();
            assertEquals(attempt, d.deliveryCount());
            connection.rollback(1, List.of(d.deliveryId()), List.of());
            connection.grantCredit(10, 1);
        }
        assertNull(client.poll(100));

        connection.createConsumer(1, 20, consumer(DestinationRef.queue("DLQ"), 1));
        Delivery dead = client.next();
        assertEquals("poison", body(dead));
        assertEquals("work", dead.message().property(MessageQueue.ORIGINAL_DESTINATION));
        assertEquals(3, dead.message().property(MessageQueue.DELIVERY_COUNT));
        assertEquals(1, dead.deliveryCount());
    }

    @Test
    void transactedSendIsInvisibleUntilCommit() throws Exception {
        RecordingHandler other = new RecordingHandler();
        BrokerConnection receiver = fixture.connectWithSession(other, Session.AUTO_ACKNOWLEDGE);
        receiver.createConsumer(1, 10, consumer(QUEUE, 5));

        connection.send(1, text(QUEUE, "pending")).toCompletableFuture().join();
        assertFalse(receiver.pull(10));

        connection.commit(1, List.of());
        assertEquals("pending", body(other.next()));
    }

    @Test
    void rolledBackSendIsDiscarded() throws Exception {
        connection.send(1, text(QUEUE, "discarded")).toCompletableFuture().join();
        connection.rollback(1, List.of(), List.of());
        connection.commit(1, List.of());
        connection.createConsumer(1, 10, consumer(QUEUE, 0));

        assertFalse(connection.pull(10));
    }

    @Test
    void committedConsumptionIsNotRedelivered() throws Exception {
        connection.send(1, text(QUEUE, "done")).toCompletableFuture().join();
        connection.commit(1, List.of());
        connection.createConsumer(1, 10, consumer(QUEUE, 1));
        Delivery d = client.next();
        connection.commit(1, List.of(d.deliveryId()));
        connection.rollback(1, List.of(d.deliveryId()), List.of());

        assertFalse(connection.pull(10));
    }

    @Test
    void recoverRedeliversUnacknowledgedMessages() throws Exception {
        RecordingHandler other = new RecordingHandler();
        BrokerConnection clientAck = fixture.connectWithSession(other, Session.CLIENT_ACKNOWLEDGE);
        clientAck.send(1, text(QUEUE, "again")).toCompletableFuture().join();
        clientAck.createConsumer(1, 10, consumer(QUEUE, 1));
        Delivery first = other.next();

        clientAck.recover(1, List.of(first.deliveryId()), List.of());
        clientAck.grantCredit(10, 1);

        Delivery second = other.next();
        assertTrue(second.redelivered());
        assertEquals(2, second.deliveryCount());
    }

    @Test
    void expiredMessageGoesToTheExpiryQueueWithoutExpiration() throws Exception {
        long past = System.currentTimeMillis() - 1;
        connection.send(1, Messages.message(QUEUE, "stale", 4, DeliveryMode.NON_PERSISTENT, past, 0, Map.of()))
                .toCompletableFuture().join();
        connection.send(1, text(QUEUE, "fresh")).toCompletableFuture().join();
        connection.commit(1, List.of());
        connection.createConsumer(1, 10, consumer(QUEUE, 5));
        assertEquals("fresh", body(client.next()));

        connection.createConsumer(1, 20, consumer(DestinationRef.queue("ExpiryQueue"), 5));
        Delivery expired = client.next();
        assertEquals("stale", body(expired));
        assertEquals("work", expired.message().property(MessageQueue.ORIGINAL_DESTINATION));
        assertEquals(0, expired.message().expiration());
    }

    @Test
    void messageExpiringWithoutAConsumerIsMovedToTheExpiryQueue() throws Exception {
        long soon = System.currentTimeMillis() + 100;
        connection.send(1, Messages.message(QUEUE, "unread", 4, DeliveryMode.NON_PERSISTENT, soon, 0, Map.of()))
                .toCompletableFuture().join();
        connection.commit(1, List.of());

        connection.createConsumer(1, 20, consumer(DestinationRef.queue("ExpiryQueue"), 5));
        assertEquals("unread", body(client.next()));
    }

    @Test
    void delayedMessageIsNotDeliveredBeforeItsDeliveryTime() throws Exception {
        long due = System.currentTimeMillis() + 300;
        connection.send(1, Messages.message(QUEUE, "later", 4, DeliveryMode.NON_PERSISTENT, 0, due, Map.of()))
                .toCompletableFuture().join();
        connection.commit(1, List.of());
        connection.createConsumer(1, 10, consumer(QUEUE, 5));

        Delivery d = client.next();
        assertEquals("later", body(d));
        assertTrue(System.currentTimeMillis() >= due, "delivered before its delivery time");
    }

    @Test
    void delayedMessageIsNotPulledBeforeItsDeliveryTime() throws Exception {
        long due = System.currentTimeMillis() + 60_000;
        connection.send(1, Messages.message(QUEUE, "much later", 4, DeliveryMode.NON_PERSISTENT, 0, due, Map.of()))
                .toCompletableFuture().join();
        connection.commit(1, List.of());
        connection.createConsumer(1, 10, consumer(QUEUE, 0));

        assertFalse(connection.pull(10));
    }
}
