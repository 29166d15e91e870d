package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.petrel.broker.BrokerFixture.consumer;
import static dev.petrel.broker.Messages.body;
import static dev.petrel.broker.Messages.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TopicSubscriptionTest {
    private static final DestinationRef TOPIC = DestinationRef.topic("prices");
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

    private static ConsumerSpec durable(String name) {
        return new ConsumerSpec(TOPIC, null, false, name, true, false, 10);
    }

    private static ConsumerSpec sharedDurable(String name) {
        return new ConsumerSpec(TOPIC, null, false, name, true, true, 10);
    }

    private void publish(String text) {
        connection.send(1, text(TOPIC, text)).toCompletableFuture().join();
    }

    @Test
    void everySubscriberReceivesEachPublishedMessage() throws Exception {
        connection.createConsumer(1, 10, consumer(TOPIC, 5));
        connection.createConsumer(1, 11, consumer(TOPIC, 5));
        publish("tick");

        List<Delivery> got = client.next(2);
        assertEquals(List.of(10L, 11L), got.stream().map(Delivery::consumerId).sorted().toList());
        assertEquals("tick", body(got.get(0)));
    }

    @Test
    void messagePublishedWithoutSubscribersIsNotKept() throws Exception {
        publish("lost");
        connection.createConsumer(1, 10, consumer(TOPIC, 0));

        assertFalse(connection.pull(10));
    }

    @Test
    void noLocalSubscriberSkipsItsOwnConnectionsMessages() throws Exception {
        connection.createConsumer(1, 10, new ConsumerSpec(TOPIC, null, true, null, false, false, 5));
        RecordingHandler otherClient = new RecordingHandler();
        BrokerConnection other = fixture.connectWithSession(otherClient, Session.AUTO_ACKNOWLEDGE);
        publish("mine");
        other.send(1, text(TOPIC, "theirs")).toCompletableFuture().join();

        assertEquals("theirs", body(client.next()));
        assertNull(client.poll(100));
    }

    @Test
    void durableSubscriptionKeepsMessagesWhileInactive() throws Exception {
        connection.setClientId("app");
        connection.createConsumer(1, 10, durable("audit"));
        connection.closeConsumer(10, List.of());
        publish("while away");

        connection.createConsumer(1, 11, durable("audit"));
        assertEquals("while away", body(client.next()));
    }

    @Test
    void secondActiveConsumerOnUnsharedDurableSubscriptionIsRejected() throws Exception {
        connection.setClientId("app");
        connection.createConsumer(1, 10, durable("audit"));

        assertThrows(IllegalStateException.class, () -> connection.createConsumer(1, 11, durable("audit")));
    }

    @Test
    void unsharedDurableSubscriptionWithoutClientIdIsRejected() {
        assertThrows(IllegalStateException.class, () -> connection.createConsumer(1, 10, durable("audit")));
    }

    @Test
    void durableSubscriptionChangedWhileInactiveStartsEmpty() throws Exception {
        connection.setClientId("app");
        connection.createConsumer(1, 10, durable("audit"));
        connection.closeConsumer(10, List.of());
        publish("old shape");

        connection.createConsumer(1, 11, new ConsumerSpec(TOPIC, null, true, "audit", true, false, 0));
        assertFalse(connection.pull(11));
    }

    @Test
    void unsubscribeDeletesAnInactiveDurableSubscription() throws Exception {
        connection.setClientId("app");
        connection.createConsumer(1, 10, durable("audit"));
        connection.closeConsumer(10, List.of());
        publish("dropped");
        connection.unsubscribe("audit");

        connection.createConsumer(1, 11, new ConsumerSpec(TOPIC, null, false, "audit", true, false, 0));
        assertFalse(connection.pull(11));
    }

    @Test
    void unsubscribeWithActiveConsumerIsRejected() throws Exception {
        connection.setClientId("app");
        connection.createConsumer(1, 10, durable("audit"));

        assertThrows(IllegalStateException.class, () -> connection.unsubscribe("audit"));
    }

    @Test
    void unsubscribeOfUnknownSubscriptionIsRejected() throws Exception {
        connection.setClientId("app");

        assertThrows(InvalidDestinationException.class, () -> connection.unsubscribe("nothing"));
    }

    @Test
    void sharedDurableSubscriptionSharesMessagesRoundRobin() throws Exception {
        RecordingHandler otherClient = new RecordingHandler();
        BrokerConnection other = fixture.connectWithSession(otherClient, Session.AUTO_ACKNOWLEDGE);
        connection.createConsumer(1, 10, sharedDurable("workers"));
        other.createConsumer(1, 20, sharedDurable("workers"));
        for (int i = 0; i < 4; i++) {
            publish("job" + i);
        }

        assertEquals(2, client.next(2).size());
        assertEquals(2, otherClient.next(2).size());
        assertNull(client.poll(50));
    }

    @Test
    void sharedSubscriptionWithDifferentSelectorWhileActiveIsRejected() throws Exception {
        connection.createConsumer(1, 10, new ConsumerSpec(TOPIC, null, false, "workers", false, true, 5));

        ConsumerSpec otherTopic = new ConsumerSpec(DestinationRef.topic("other"), null, false, "workers", false, true, 5);
        assertThrows(JMSException.class, () -> connection.createConsumer(1, 11, otherTopic));
    }

    @Test
    void sharedNonDurableSubscriptionEndsWithItsLastConsumer() throws Exception {
        ConsumerSpec shared = new ConsumerSpec(TOPIC, null, false, "live", false, true, 0);
        connection.createConsumer(1, 10, shared);
        connection.closeConsumer(10, List.of());
        publish("nobody listening");

        connection.createConsumer(1, 11, shared);
        assertFalse(connection.pull(11));
    }
}
