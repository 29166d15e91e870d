package dev.petrel.broker;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consumer ids are numbered per connection, so consumers of different connections on one queue
 * often share an id: the queue must still tell them apart for credit, pulls and closing.
 */
class ConsumersOfSeveralConnectionsTest {
    private static final int PREFETCH = 5;

    private static void send(Session session, Queue queue, int count) throws Exception {
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
    }

    @Test
    void creditGrantedByOneConnectionsConsumerGoesToThatConsumer() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("same-id-credit").persistent(false).start();
             Connection first = new PetrelConnectionFactory(broker.url() + "?prefetch=" + PREFETCH).createConnection();
             Connection second = new PetrelConnectionFactory(broker.url() + "?prefetch=" + PREFETCH).createConnection()) {
            Session firstSession = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = firstSession.createQueue("shared-ids");
            send(firstSession, queue, 50);
            first.start();
            second.start();
            MessageConsumer idle = firstSession.createConsumer(queue); // takes its prefetch and never receives
            Session secondSession = second.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer busy = secondSession.createConsumer(queue);
            Set<String> received = new HashSet<>();
            for (int i = 0; i < 50 - PREFETCH; i++) {
                TextMessage m = (TextMessage) busy.receive(5_000);
                assertNotNull(m, "message " + i + " of the " + (50 - PREFETCH) + " not held by the idle consumer");
                assertTrue(received.add(m.getText()), "duplicate " + m.getText());
            }
            assertNull(busy.receive(200), "the idle consumer's prefetch stays with it");
            idle.close();
            for (int i = 0; i < PREFETCH; i++) {
                assertNotNull(busy.receive(5_000), "returned message " + i);
            }
        }
    }

    @Test
    void closingAConsumerLeavesTheSameNumberedConsumerOfAnotherConnectionAttached() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("same-id-close").persistent(false).start();
             Connection first = new PetrelConnectionFactory(broker.url()).createConnection();
             Connection second = new PetrelConnectionFactory(broker.url()).createConnection()) {
            Session firstSession = first.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session secondSession = second.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = firstSession.createQueue("shared-ids-close");
            MessageConsumer leaving = firstSession.createConsumer(queue);
            MessageConsumer staying = secondSession.createConsumer(queue);
            leaving.close();
            second.start();
            send(firstSession, queue, 10);
            for (int i = 0; i < 10; i++) {
                TextMessage m = (TextMessage) staying.receive(5_000);
                assertNotNull(m, "message " + i);
                assertEquals("m" + i, m.getText());
            }
        }
    }
}
