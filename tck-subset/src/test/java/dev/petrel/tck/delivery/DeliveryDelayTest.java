package dev.petrel.tck.delivery;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jakarta Messaging 3.1 §7.9: delivery delay. A message is not delivered before its delivery time;
 * the tests check the clock when the message arrives rather than timing how long anything took.
 */
class DeliveryDelayTest extends TckTest {

    private static final long DELAY_MS = 1_500;

    @Test
    void delayedMessageIsNotReceivedBeforeItsDeliveryTime() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageConsumer consumer = s.createConsumer(q);
            MessageProducer p = s.createProducer(q);
            p.setDeliveryDelay(DELAY_MS);
            long before = System.currentTimeMillis();
            p.send(s.createTextMessage("later"));
            Message m = consumer.receive(DELAY_MS + TIMEOUT_MS);
            long arrived = System.currentTimeMillis();
            assertNotNull(m, "the delayed message never arrived");
            assertTrue(arrived >= before + DELAY_MS,
                    "delivered " + (arrived - before) + " ms after send, before the " + DELAY_MS + " ms delay");
        }
    }

    @Test
    void deliveryTimeHeaderIsTheSendTimePlusTheDelay() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            p.setDeliveryDelay(DELAY_MS);
            Message sent = s.createTextMessage("later");
            long before = System.currentTimeMillis();
            p.send(sent);
            long after = System.currentTimeMillis();
            assertTrue(sent.getJMSDeliveryTime() >= before + DELAY_MS && sent.getJMSDeliveryTime() <= after + DELAY_MS,
                    "JMSDeliveryTime " + sent.getJMSDeliveryTime() + " is not send time + " + DELAY_MS);
            Message received = consumerReceive(s, q);
            assertEquals(sent.getJMSDeliveryTime(), received.getJMSDeliveryTime());
        }
    }

    @Test
    void undelayedMessageSentLaterArrivesBeforeADelayedOne() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer delayed = s.createProducer(q);
            delayed.setDeliveryDelay(DELAY_MS);
            delayed.send(s.createTextMessage("delayed"));
            s.createProducer(q).send(s.createTextMessage("immediate"));
            MessageConsumer consumer = s.createConsumer(q);
            assertEquals("immediate", receiveText(consumer));
            Message m = consumer.receive(DELAY_MS + TIMEOUT_MS);
            assertNotNull(m);
            assertEquals("delayed", ((jakarta.jms.TextMessage) m).getText());
        }
    }

    @Test
    void delayedTopicMessageIsNotReceivedBeforeItsDeliveryTime() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer sub = s.createConsumer(t);
            MessageProducer p = s.createProducer(t);
            p.setDeliveryDelay(DELAY_MS);
            long before = System.currentTimeMillis();
            p.send(s.createTextMessage("later"));
            Message m = sub.receive(DELAY_MS + TIMEOUT_MS);
            long arrived = System.currentTimeMillis();
            assertNotNull(m, "the delayed message never arrived");
            assertTrue(arrived >= before + DELAY_MS, "delivered before the delivery delay elapsed");
        }
    }

    @Test
    void delayedMessagesSentInATransactionAreDelayedFromTheSend() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            MessageProducer p = tx.createProducer(q);
            p.setDeliveryDelay(DELAY_MS);
            long before = System.currentTimeMillis();
            p.send(tx.createTextMessage("tx later"));
            tx.commit();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message m = s.createConsumer(q).receive(DELAY_MS + TIMEOUT_MS);
            long arrived = System.currentTimeMillis();
            assertNotNull(m);
            assertTrue(arrived >= before + DELAY_MS, "delivered before the delivery delay elapsed");
        }
    }

    @Test
    void severalDelayedMessagesAllArriveAfterTheirDelay() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            p.setDeliveryDelay(500);
            p.send(s.createTextMessage("a"));
            p.send(s.createTextMessage("b"));
            MessageConsumer consumer = s.createConsumer(q);
            List<String> got = List.of(receiveTextWithin(consumer, 500 + TIMEOUT_MS),
                    receiveTextWithin(consumer, 500 + TIMEOUT_MS));
            assertEquals(java.util.Set.of("a", "b"), new java.util.HashSet<>(got));
        }
    }

    private static Message consumerReceive(Session s, Queue q) throws JMSException {
        Message m = s.createConsumer(q).receive(DELAY_MS + TIMEOUT_MS);
        assertNotNull(m, "the delayed message never arrived");
        return m;
    }

    private static String receiveTextWithin(MessageConsumer consumer, long timeout) throws JMSException {
        Message m = consumer.receive(timeout);
        assertNotNull(m, "a delayed message never arrived");
        return ((jakarta.jms.TextMessage) m).getText();
    }
}
