package dev.petrel.tck.session;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §7: MessageProducer defaults, anonymous producers, destination rules. */
class MessageProducerTest extends TckTest {

    @Test
    void producerDefaultsArePersistentPriorityFourNoExpiryNoDelay() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            assertEquals(DeliveryMode.PERSISTENT, p.getDeliveryMode());
            assertEquals(Message.DEFAULT_PRIORITY, p.getPriority());
            assertEquals(4, p.getPriority());
            assertEquals(Message.DEFAULT_TIME_TO_LIVE, p.getTimeToLive());
            assertEquals(0L, p.getTimeToLive());
            assertEquals(Message.DEFAULT_DELIVERY_DELAY, p.getDeliveryDelay());
            assertEquals(0L, p.getDeliveryDelay());
            assertFalse(p.getDisableMessageID());
            assertFalse(p.getDisableMessageTimestamp());
        }
    }

    @Test
    void producerSettersAreReflectedByGetters() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            p.setPriority(9);
            p.setTimeToLive(60_000);
            p.setDeliveryDelay(1_000);
            p.setDisableMessageID(true);
            p.setDisableMessageTimestamp(true);
            assertEquals(DeliveryMode.NON_PERSISTENT, p.getDeliveryMode());
            assertEquals(9, p.getPriority());
            assertEquals(60_000L, p.getTimeToLive());
            assertEquals(1_000L, p.getDeliveryDelay());
            assertTrue(p.getDisableMessageID());
            assertTrue(p.getDisableMessageTimestamp());
        }
    }

    @Test
    void producerReturnsTheDestinationItWasCreatedFor() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            assertEquals(q.getQueueName(), ((Queue) s.createProducer(q).getDestination()).getQueueName());
        }
    }

    @Test
    void anonymousProducerHasANullDestination() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNull(s.createProducer(null).getDestination());
        }
    }

    @Test
    void anonymousProducerSendsToTheDestinationGivenPerSend() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q1 = s.createQueue(uniqueName());
            Queue q2 = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(null);
            p.send(q1, s.createTextMessage("one"));
            p.send(q2, s.createTextMessage("two"));
            assertEquals("one", receiveText(s.createConsumer(q1)));
            assertEquals("two", receiveText(s.createConsumer(q2)));
        }
    }

    @Test
    void anonymousProducerSendWithoutDestinationThrowsUnsupportedOperationException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(null);
            assertThrows(UnsupportedOperationException.class, () -> p.send(s.createTextMessage("x")));
        }
    }

    @Test
    void anonymousProducerSendToNullDestinationThrowsInvalidDestinationException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(null);
            assertThrows(InvalidDestinationException.class, () -> p.send(null, s.createTextMessage("x")));
        }
    }

    @Test
    void producerWithADestinationRejectsSendToAnotherDestinationWithUnsupportedOperationException()
            throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            Queue other = s.createQueue(uniqueName());
            assertThrows(UnsupportedOperationException.class, () -> p.send(other, s.createTextMessage("x")));
        }
    }

    @Test
    void sendingANullMessageThrowsMessageFormatException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            assertThrows(MessageFormatException.class, () -> p.send(null));
        }
    }

    @Test
    void oneMessageObjectCanBeSentTwice() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            Message m = s.createTextMessage("again");
            p.send(m);
            String firstId = m.getJMSMessageID();
            p.send(m);
            assertFalse(firstId.equals(m.getJMSMessageID()), "each send assigns a new JMSMessageID");
            assertEquals(2, receiveTexts(s.createConsumer(q), 2).size());
        }
    }
}
