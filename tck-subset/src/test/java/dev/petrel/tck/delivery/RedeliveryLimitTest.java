package dev.petrel.tck.delivery;

import dev.petrel.tck.TckBroker;
import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The redelivery limit: JMSXDeliveryCount counts delivery attempts (Jakarta Messaging 3.1 §3.5.11),
 * and after {@value TckBroker#MAX_DELIVERY_ATTEMPTS} attempts the broker moves the message to
 * {@value TckBroker#DLQ} (Petrel policy, configured by the fixture). Each test tags its message
 * so it can find it in the shared dead-letter queue.
 */
class RedeliveryLimitTest extends TckTest {

    private static final int MAX = TckBroker.MAX_DELIVERY_ATTEMPTS;

    private static void sendTagged(Connection c, Queue q, String text, String tag) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage m = s.createTextMessage(text);
        m.setStringProperty("tag", tag);
        MessageProducer p = s.createProducer(q);
        p.send(m);
        s.close();
    }

    private String fromDeadLetterQueue(Connection c, String tag) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            Message m = s.createConsumer(s.createQueue(TckBroker.DLQ), "tag = '" + tag + "'").receive(TIMEOUT_MS);
            assertNotNull(m, "the message is not in " + TckBroker.DLQ);
            return ((TextMessage) m).getText();
        } finally {
            s.close();
        }
    }

    @Test
    void deliveryCountRisesByOneWithEachRollback() throws JMSException {
        String tag = uniqueName();
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendTagged(c, q, "counted", tag);
            MessageConsumer consumer = tx.createConsumer(q);
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertEquals(attempt, receiveRequired(consumer).getIntProperty("JMSXDeliveryCount"));
                tx.rollback();
            }
            receiveRequired(consumer);
            tx.commit();
        }
    }

    @Test
    void messageRolledBackMaxTimesGoesToTheDeadLetterQueue() throws JMSException {
        String tag = uniqueName();
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendTagged(c, q, "poison", tag);
            MessageConsumer consumer = tx.createConsumer(q);
            for (int attempt = 1; attempt <= MAX; attempt++) {
                Message m = receiveRequired(consumer);
                assertEquals(attempt, m.getIntProperty("JMSXDeliveryCount"));
                tx.rollback();
            }
            consumer.close();
            tx.close();
            assertEquals("poison", fromDeadLetterQueue(c, tag));
        }
    }

    @Test
    void messagePastTheLimitIsNoLongerDeliveredFromItsQueue() throws JMSException {
        String tag = uniqueName();
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendTagged(c, q, "poison", tag);
            MessageConsumer consumer = tx.createConsumer(q);
            for (int attempt = 1; attempt <= MAX; attempt++) {
                receiveRequired(consumer);
                tx.rollback();
            }
            sendTagged(c, q, "marker", uniqueName());
            assertEquals("marker", ((TextMessage) receiveRequired(consumer)).getText());
            tx.commit();
        }
    }

    @Test
    void messageRecoveredMaxTimesInClientAcknowledgeModeGoesToTheDeadLetterQueue() throws JMSException {
        String tag = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            sendTagged(c, q, "poison via recover", tag);
            MessageConsumer consumer = s.createConsumer(q);
            for (int attempt = 1; attempt <= MAX; attempt++) {
                assertEquals(attempt, receiveRequired(consumer).getIntProperty("JMSXDeliveryCount"));
                s.recover();
            }
            consumer.close();
            s.close();
            assertEquals("poison via recover", fromDeadLetterQueue(c, tag));
        }
    }

    @Test
    void messageThatSucceedsBeforeTheLimitIsNotDeadLettered() throws JMSException {
        String tag = uniqueName();
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendTagged(c, q, "eventually fine", tag);
            MessageConsumer consumer = tx.createConsumer(q);
            for (int attempt = 1; attempt < MAX; attempt++) {
                receiveRequired(consumer);
                tx.rollback();
            }
            Message last = receiveRequired(consumer);
            assertEquals(MAX, last.getIntProperty("JMSXDeliveryCount"));
            tx.commit();
        }
    }
}
