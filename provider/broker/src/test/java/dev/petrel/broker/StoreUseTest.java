package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.petrel.broker.BrokerFixture.consumer;
import static dev.petrel.broker.Messages.persistent;
import static dev.petrel.broker.Messages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the broker writes to its store, and when. */
class StoreUseTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("stored");
    private static final DestinationRef TOPIC = DestinationRef.topic("news");
    private final InMemoryStore store = new InMemoryStore();
    private BrokerFixture fixture;
    private final RecordingHandler client = new RecordingHandler();
    private BrokerConnection connection;

    @BeforeEach
    void start() throws Exception {
        fixture = new BrokerFixture(BrokerFixture.config(16L * 1024 * 1024, DestinationPolicy.DEFAULT), store);
        connection = fixture.connectWithSession(client, Session.CLIENT_ACKNOWLEDGE);
        connection.createSession(2, Session.SESSION_TRANSACTED);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void persistentSendIsInTheStoreWhenTheSendCompletes() {
        connection.send(1, persistent(QUEUE, "durable")).toCompletableFuture().join();

        assertEquals(1, store.messageCount());
    }

    @Test
    void nonPersistentMessagesNeverTouchTheStore() {
        connection.send(1, text(QUEUE, "fleeting")).toCompletableFuture().join();

        assertEquals(0, store.messageCount());
    }

    @Test
    void persistentMessageOnANonDurableSubscriptionIsNotStored() throws Exception {
        connection.createConsumer(1, 10, consumer(TOPIC, 5));
        connection.send(1, persistent(TOPIC, "news")).toCompletableFuture().join();
        client.next();

        assertEquals(0, store.messageCount());
    }

    @Test
    void acknowledgementRemovesTheStoredMessageBeforeItReturns() throws Exception {
        connection.send(1, persistent(QUEUE, "done")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(QUEUE, 5));
        connection.acknowledge(1, List.of(client.next().deliveryId()));

        assertEquals(0, store.messageCount());
    }

    @Test
    void commitWritesItsSendsAndAcknowledgementsInOneBatch() throws Exception {
        connection.send(1, persistent(QUEUE, "in")).toCompletableFuture().join();
        connection.createConsumer(2, 20, consumer(QUEUE, 5));
        Delivery consumed = client.next();
        connection.send(2, persistent(DestinationRef.queue("out"), "out")).toCompletableFuture().join();
        int before = store.batches().size();

        connection.commit(2, List.of(consumed.deliveryId()));

        List<StoreBatch> written = store.batches().subList(before, store.batches().size());
        StoreBatch commit = written.get(written.size() - 1);
        assertTrue(commit.operations().stream().anyMatch(op -> op instanceof StoreOperation.AddMessage));
        assertTrue(commit.operations().stream().anyMatch(op -> op instanceof StoreOperation.RemoveReference));
    }

    @Test
    void durableSubscriptionIsAStoreQueue() throws Exception {
        connection.setClientId("app");
        int before = store.queueCount();
        connection.createConsumer(1, 10, new dev.petrel.protocol.ConsumerSpec(TOPIC, null, false, "audit", true, false, 5));

        assertEquals(before + 1, store.queueCount());
    }
}
