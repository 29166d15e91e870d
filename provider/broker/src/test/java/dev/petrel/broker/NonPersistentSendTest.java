package dev.petrel.broker;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Non-persistent sends outside a transaction return without waiting for the broker; a refusal is
 * thrown by the send itself when the broker gives it at once, else by the producer's next send or
 * close, and {@code blockOnNonPersistentSend=true} makes each send wait for its answer. The broker
 * here has no store and a 20,000-byte memory limit, refusing at once past it (memoryWait 0) or after
 * holding the send for {@code memoryWaitMillis}.
 */
class NonPersistentSendTest {
    private static final String BODY = "x".repeat(1000);

    private static EmbeddedBroker smallBroker(String name) {
        return smallBroker(name, 0);
    }

    private static EmbeddedBroker smallBroker(String name, long memoryWaitMillis) {
        return EmbeddedBroker.builder().name(name).persistent(false).memoryLimit(20_000).queueMemoryLimit(20_000)
                .memoryWaitMillis(memoryWaitMillis).start();
    }

    private static MessageProducer producer(Session session, Queue queue) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        return producer;
    }

    @Test
    void aRefusalOfANonPersistentSendIsThrownByASendOfTheSameProducer() throws Exception {
        try (EmbeddedBroker broker = smallBroker("np-later");
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("np");
            MessageProducer producer = producer(session, queue);
            ResourceAllocationException refused = assertThrows(ResourceAllocationException.class, () -> {
                for (int i = 0; i < 1_000; i++) {
                    producer.send(session.createTextMessage(BODY + i));
                }
            });
            assertTrue(refused.getMessage().contains("memory limit of 20000 bytes"), refused.getMessage());
        }
    }

    @Test
    void closingTheProducerThrowsARefusalNoSendHasReportedYet() throws Exception {
        try (EmbeddedBroker broker = smallBroker("np-close", 300);
             Connection blocking = new PetrelConnectionFactory(broker.url() + "?blockOnNonPersistentSend=true")
                     .createConnection();
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            Session fillerSession = blocking.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer filler = producer(fillerSession, fillerSession.createQueue("np"));
            assertThrows(ResourceAllocationException.class, () -> {
                for (int i = 0; i < 1_000; i++) {
                    filler.send(fillerSession.createTextMessage(BODY));
                }
            });
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer last = producer(session, session.createQueue("np"));
            last.send(session.createTextMessage(BODY)); // held for memory, refused 300 ms later
            assertThrows(ResourceAllocationException.class, last::close);
        }
    }

    @Test
    void withBlockOnNonPersistentSendTheRefusedSendItselfThrowsAndEveryReturnedSendIsDelivered() throws Exception {
        try (EmbeddedBroker broker = smallBroker("np-block");
             Connection connection = new PetrelConnectionFactory(broker.url() + "?blockOnNonPersistentSend=true")
                     .createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("np");
            MessageProducer producer = producer(session, queue);
            int returned = 0;
            try {
                for (; returned < 1_000; returned++) {
                    producer.send(session.createTextMessage(BODY + returned));
                }
            } catch (ResourceAllocationException expected) {
                // the send that did not fit
            }
            assertTrue(returned > 0 && returned < 1_000, "sends returned before the limit: " + returned);
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            for (int i = 0; i < returned; i++) {
                assertNotNull(consumer.receive(5_000), "message " + i + " of the " + returned + " returned sends");
            }
            assertNull(consumer.receiveNoWait(), "the refused send was not delivered");
        }
    }

    @Test
    void nonPersistentSendsFromOneProducerArriveInOrder() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("np-order").persistent(false).start();
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("np");
            MessageProducer producer = producer(session, queue);
            for (int i = 0; i < 3_000; i++) {
                producer.send(session.createTextMessage(Integer.toString(i)));
            }
            producer.close();
            connection.start();
            MessageConsumer consumer = session.createConsumer(queue);
            for (int i = 0; i < 3_000; i++) {
                assertEquals(Integer.toString(i), ((jakarta.jms.TextMessage) consumer.receive(5_000)).getText());
            }
        }
    }
}
