package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ConsumerSpec;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.petrel.broker.Messages.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorAndBrowserTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("colours");
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

    private void send(DestinationRef to, String text, String colour) {
        connection.send(1, Messages.message(to, text, 4, DeliveryMode.NON_PERSISTENT, 0, 0, Map.of("colour", colour)))
                .toCompletableFuture().join();
    }

    @Test
    void queueConsumerReceivesOnlyMatchingMessages() throws Exception {
        send(QUEUE, "r1", "red");
        send(QUEUE, "b1", "blue");
        send(QUEUE, "r2", "red");
        connection.createConsumer(1, 10, new ConsumerSpec(QUEUE, "colour = 'red'", false, null, false, false, 5));

        assertEquals(List.of("r1", "r2"), client.next(2).stream().map(Messages::body).toList());
    }

    @Test
    void messageMatchingNoConsumerWaitsForOneThatMatches() throws Exception {
        connection.createConsumer(1, 10, new ConsumerSpec(QUEUE, "colour = 'red'", false, null, false, false, 5));
        send(QUEUE, "b1", "blue");
        assertFalse(connection.pull(10));

        connection.createConsumer(1, 11, new ConsumerSpec(QUEUE, "colour = 'blue'", false, null, false, false, 5));
        assertEquals("b1", body(client.next()));
    }

    @Test
    void invalidSelectorIsRejected() {
        assertThrows(InvalidSelectorException.class,
                () -> connection.createConsumer(1, 10, new ConsumerSpec(QUEUE, "colour = ", false, null, false, false, 5)));
    }

    @Test
    void topicSubscriptionTakesOnlyMatchingMessages() throws Exception {
        DestinationRef topic = DestinationRef.topic("paint");
        connection.createConsumer(1, 10, new ConsumerSpec(topic, "colour <> 'red'", false, null, false, false, 5));
        send(topic, "r1", "red");
        send(topic, "g1", "green");

        assertEquals("g1", body(client.next()));
        assertFalse(connection.pull(10));
    }

    @Test
    void browserSeesMatchingMessagesInDeliveryOrderWithoutConsumingThem() throws Exception {
        send(QUEUE, "r1", "red");
        send(QUEUE, "b1", "blue");
        connection.send(1, Messages.message(QUEUE, "r9", 9, DeliveryMode.NON_PERSISTENT, 0, 0, Map.of("colour", "red")))
                .toCompletableFuture().join();
        connection.openBrowser(1, 5, QUEUE, "colour = 'red'");

        List<String> seen = connection.browseNext(5, 10).stream().map(m -> new String(m.body())).toList();
        assertEquals(List.of("r9", "r1"), seen);
        assertTrue(connection.browseNext(5, 10).isEmpty());
        connection.closeBrowser(5);
        connection.createConsumer(1, 10, new ConsumerSpec(QUEUE, null, false, null, false, false, 5));
        assertEquals(3, client.next(3).size());
    }

    @Test
    void browserSkipsExpiredAndNotYetDueMessages() throws Exception {
        long now = System.currentTimeMillis();
        connection.send(1, Messages.message(QUEUE, "stale", 4, DeliveryMode.NON_PERSISTENT, now - 1, 0, Map.of()))
                .toCompletableFuture().join();
        connection.send(1, Messages.message(QUEUE, "later", 4, DeliveryMode.NON_PERSISTENT, 0, now + 60_000, Map.of()))
                .toCompletableFuture().join();
        connection.send(1, Messages.text(QUEUE, "now")).toCompletableFuture().join();
        connection.openBrowser(1, 5, QUEUE, null);

        List<MessageData> seen = connection.browseNext(5, 10);
        assertEquals(List.of("now"), seen.stream().map(m -> new String(m.body())).toList());
    }
}
