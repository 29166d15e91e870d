package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import jakarta.jms.DeliveryMode;
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

class QueueDispatchTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("orders");
    private BrokerFixture fixture;
    private final RecordingHandler client = new RecordingHandler();
    private BrokerConnection connection;

    @BeforeEach
    void start() throws Exception {
        fixture = new BrokerFixture();
        connection = fixture.connectWithSession(client);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void messageSentToQueueIsDeliveredToItsConsumer() throws Exception {
        connection.send(1, text(QUEUE, "hello")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(QUEUE, 5));

        Delivery d = client.next();
        assertEquals("hello", body(d));
        assertEquals(10, d.consumerId());
        assertEquals(1, d.deliveryCount());
        assertFalse(d.redelivered());
    }

    @Test
    void persistentMessageWithoutStoreIsKeptInMemoryAndDelivered() throws Exception {
        connection.send(1, Messages.persistent(QUEUE, "kept")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(QUEUE, 5));

        assertEquals("kept", body(client.next()));
    }

    @Test
    void higherPriorityMessagesAreDeliveredFirstAndFifoWithinAPriority() throws Exception {
        int[] priorities = {1, 9, 4, 9, 1, 4};
        for (int i = 0; i < priorities.length; i++) {
            connection.send(1, Messages.message(QUEUE, "m" + i, priorities[i], DeliveryMode.NON_PERSISTENT, 0, 0, Map.of()))
                    .toCompletableFuture().join();
        }
        connection.createConsumer(1, 10, consumer(QUEUE, 10));

        List<String> order = client.next(6).stream().map(Messages::body).toList();
        assertEquals(List.of("m1", "m3", "m2", "m5", "m0", "m4"), order);
    }

    @Test
    void consumerReceivesNoMoreThanItsCreditUntilCreditIsGranted() throws Exception {
        for (int i = 0; i < 5; i++) {
            connection.send(1, text(QUEUE, "m" + i)).toCompletableFuture().join();
        }
        connection.createConsumer(1, 10, consumer(QUEUE, 2));
        client.next(2);
        assertNull(client.poll(100));

        connection.grantCredit(10, 3);
        assertEquals(List.of("m2", "m3", "m4"), client.next(3).stream().map(Messages::body).toList());
    }

    @Test
    void messagesAreSharedRoundRobinAmongConsumers() throws Exception {
        connection.createConsumer(1, 10, consumer(QUEUE, 10));
        connection.createConsumer(1, 11, consumer(QUEUE, 10));
        for (int i = 0; i < 4; i++) {
            connection.send(1, text(QUEUE, "m" + i)).toCompletableFuture().join();
        }

        List<Long> consumers = client.next(4).stream().map(Delivery::consumerId).toList();
        assertEquals(2, consumers.stream().filter(c -> c == 10).count());
        assertEquals(2, consumers.stream().filter(c -> c == 11).count());
    }

    @Test
    void pullDeliversAWaitingMessageToAConsumerWithoutCredit() throws Exception {
        connection.send(1, text(QUEUE, "waiting")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(QUEUE, 0));

        assertTrue(connection.pull(10));
        assertEquals("waiting", body(client.next()));
    }

    @Test
    void pullOnAnEmptyQueueReturnsFalse() throws Exception {
        connection.createConsumer(1, 10, consumer(QUEUE, 0));

        assertFalse(connection.pull(10));
    }

    @Test
    void acknowledgedMessageIsNotRedeliveredAfterSessionClose() throws Exception {
        connection.send(1, text(QUEUE, "once")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(QUEUE, 5));
        Delivery d = client.next();
        connection.acknowledge(1, List.of(d.deliveryId()));
        connection.closeSession(1, List.of());

        connection.createSession(2, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
        connection.createConsumer(2, 20, consumer(QUEUE, 5));
        assertFalse(connection.pull(20));
    }

    @Test
    void unacknowledgedMessageReturnsWhenItsSessionCloses() throws Exception {
        connection.send(1, text(QUEUE, "again")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(QUEUE, 5));
        Delivery first = client.next();
        connection.closeSession(1, List.of(first.deliveryId()));

        connection.createSession(2, jakarta.jms.Session.AUTO_ACKNOWLEDGE);
        connection.createConsumer(2, 20, consumer(QUEUE, 5));
        Delivery second = client.next();
        assertEquals("again", body(second));
        assertEquals(2, second.deliveryCount());
        assertTrue(second.redelivered());
    }

    @Test
    void notSeenDeliveriesOfAClosedConsumerReturnUnchanged() throws Exception {
        connection.send(1, text(QUEUE, "prefetched")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(QUEUE, 5));
        Delivery first = client.next();
        connection.closeConsumer(10, List.of(first.deliveryId()));

        connection.createConsumer(1, 11, consumer(QUEUE, 5));
        Delivery second = client.next();
        assertEquals(1, second.deliveryCount());
        assertFalse(second.redelivered());
    }
}
