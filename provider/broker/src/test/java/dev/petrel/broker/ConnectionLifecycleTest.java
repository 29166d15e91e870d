package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionException;

import static dev.petrel.broker.BrokerFixture.consumer;
import static dev.petrel.broker.Messages.body;
import static dev.petrel.broker.Messages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Client ids, temporary destinations, closed objects, auto-creation. */
class ConnectionLifecycleTest {
    private static final DestinationRef TEMP_QUEUE = new DestinationRef(DestinationRef.Kind.TEMPORARY_QUEUE, "tmp-1");
    private BrokerFixture fixture;
    private final RecordingHandler client = new RecordingHandler();
    private BrokerConnection connection;

    @BeforeEach
    void start() throws Exception {
        fixture = new BrokerFixture();
        connection = fixture.connectWithSession(client, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void clientIdInUseByAnotherConnectionIsRejected() throws Exception {
        connection.setClientId("app");
        BrokerConnection other = fixture.connect(new RecordingHandler());

        assertThrows(InvalidClientIDException.class, () -> other.setClientId("app"));
    }

    @Test
    void clientIdIsFreeAgainAfterItsConnectionCloses() throws Exception {
        connection.setClientId("app");
        connection.close();
        BrokerConnection other = fixture.connect(new RecordingHandler());

        other.setClientId("app");
        assertEquals("app", ((LocalConnection) other).clientId());
    }

    @Test
    void temporaryQueueCarriesMessagesForItsConnection() throws Exception {
        connection.createTemporaryDestination(TEMP_QUEUE);
        connection.send(1, text(TEMP_QUEUE, "reply")).toCompletableFuture().join();
        connection.createConsumer(1, 10, consumer(TEMP_QUEUE, 5));

        assertEquals("reply", body(client.next()));
    }

    @Test
    void consumerOnAnotherConnectionsTemporaryQueueIsRejected() throws Exception {
        connection.createTemporaryDestination(TEMP_QUEUE);
        BrokerConnection other = fixture.connectWithSession(new RecordingHandler(), Session.AUTO_ACKNOWLEDGE);

        assertThrows(InvalidDestinationException.class, () -> other.createConsumer(1, 10, consumer(TEMP_QUEUE, 5)));
    }

    @Test
    void temporaryQueueWithAConsumerCannotBeDeleted() throws Exception {
        connection.createTemporaryDestination(TEMP_QUEUE);
        connection.createConsumer(1, 10, consumer(TEMP_QUEUE, 5));

        assertThrows(IllegalStateException.class, () -> connection.deleteTemporaryDestination(TEMP_QUEUE));
    }

    @Test
    void sendingToADeletedTemporaryQueueFailsWithInvalidDestination() throws Exception {
        connection.createTemporaryDestination(TEMP_QUEUE);
        connection.deleteTemporaryDestination(TEMP_QUEUE);

        CompletionException e = assertThrows(CompletionException.class,
                () -> connection.send(1, text(TEMP_QUEUE, "late")).toCompletableFuture().join());
        assertInstanceOf(InvalidDestinationException.class, e.getCause());
    }

    @Test
    void temporaryQueueIsDeletedWhenItsConnectionCloses() throws Exception {
        connection.createTemporaryDestination(TEMP_QUEUE);
        connection.close();
        BrokerConnection other = fixture.connect(new RecordingHandler());

        assertThrows(InvalidDestinationException.class, () -> other.checkDestination(TEMP_QUEUE));
    }

    @Test
    void unknownQueueIsRejectedWhenAutoCreationIsOff() throws Exception {
        try (BrokerFixture strict = new BrokerFixture(new BrokerConfig("strict", false, 1 << 20, 1 << 20,
                DestinationPolicy.DEFAULT, java.util.Map.of()), null)) {
            BrokerConnection c = strict.connect(new RecordingHandler());
            InvalidDestinationException e = assertThrows(InvalidDestinationException.class,
                    () -> c.checkDestination(DestinationRef.queue("nowhere")));
            assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
        }
    }

    @Test
    void closedSessionRejectsCreateConsumerWithIllegalStateException() throws Exception {
        connection.closeSession(1, List.of());

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> connection.createConsumer(1, 10, consumer(DestinationRef.queue("q"), 5)));
        assertTrue(e.getMessage().contains("session 1"), e.getMessage());
    }

    @Test
    void closedConnectionRejectsCreateSessionWithIllegalStateException() {
        connection.close();

        assertThrows(IllegalStateException.class, () -> connection.createSession(2, Session.AUTO_ACKNOWLEDGE));
    }

    @Test
    void nonPersistentSendPastTheMemoryLimitIsRefusedAtOnceWhenMemoryWaitIsZero() throws Exception {
        try (BrokerFixture small = new BrokerFixture(new BrokerConfig("small", true, 10_000, 10_000,
                DestinationPolicy.DEFAULT, java.util.Map.of(), 0), null)) {
            BrokerConnection c = small.connectWithSession(new RecordingHandler(), Session.AUTO_ACKNOWLEDGE);
            DestinationRef queue = DestinationRef.queue("full");
            CompletionException e = assertThrows(CompletionException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    c.send(1, text(queue, "x".repeat(1000) + i)).toCompletableFuture().join();
                }
            });
            assertInstanceOf(jakarta.jms.ResourceAllocationException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("memory limit of 10000 bytes"), e.getCause().getMessage());
        }
    }

    @Test
    void nonPersistentSendPastTheMemoryLimitIsHeldUntilAConsumerFreesMemoryThenDelivered() throws Exception {
        try (BrokerFixture small = new BrokerFixture(new BrokerConfig("small", true, 10_000, 10_000,
                DestinationPolicy.DEFAULT, java.util.Map.of(), 60_000), null)) {
            RecordingHandler handler = new RecordingHandler();
            BrokerConnection c = small.connectWithSession(handler, Session.AUTO_ACKNOWLEDGE);
            DestinationRef queue = DestinationRef.queue("full");
            java.util.List<java.util.concurrent.CompletableFuture<Void>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sends.add(c.send(1, text(queue, "x".repeat(1000) + i)).toCompletableFuture());
            }
            java.util.concurrent.CompletableFuture<Void> last = sends.get(sends.size() - 1);
            assertTrue(!last.isDone(), "20 KiB of messages cannot fit a 10,000-byte limit: the last send is held");

            c.createConsumer(1, 10, consumer(queue, 100));
            for (int i = 0; i < 20; i++) {
                dev.petrel.protocol.Delivery d = handler.next();
                assertEquals("x".repeat(1000) + i, body(d));
                c.acknowledge(1, List.of(d.deliveryId()));
            }
            sends.forEach(java.util.concurrent.CompletableFuture::join);
        }
    }

    @Test
    void aSendHeldLongerThanTheMemoryWaitIsRefusedSayingHowLongItWaited() throws Exception {
        try (BrokerFixture small = new BrokerFixture(new BrokerConfig("small", true, 10_000, 10_000,
                DestinationPolicy.DEFAULT, java.util.Map.of(), 200), null)) {
            BrokerConnection c = small.connectWithSession(new RecordingHandler(), Session.AUTO_ACKNOWLEDGE);
            DestinationRef queue = DestinationRef.queue("full");
            CompletionException e = assertThrows(CompletionException.class, () -> {
                for (int i = 0; i < 100; i++) {
                    c.send(1, text(queue, "x".repeat(1000) + i)).toCompletableFuture().join();
                }
            });
            assertInstanceOf(jakarta.jms.ResourceAllocationException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("waited") && e.getCause().getMessage().contains("memoryWait"),
                    e.getCause().getMessage());
        }
    }
}
