package dev.petrel.tck.tx;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jakarta Messaging 3.1 §6.2.9: transacted sessions. Absence is shown with a marker sent outside
 * the transaction afterwards: a FIFO queue hands out the marker first only if nothing earlier is there.
 */
class TransactionTest extends TckTest {

    private static void sendAuto(Connection c, Queue q, String... texts) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            p.send(s.createTextMessage(t));
        }
        s.close();
    }

    private String nextOn(Connection c, Queue q) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            return receiveText(s.createConsumer(q));
        } finally {
            s.close();
        }
    }

    @Test
    void messagesSentInAnUncommittedTransactionAreInvisible() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            tx.createProducer(q).send(tx.createTextMessage("pending"));
            sendAuto(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
            tx.rollback();
        }
    }

    @Test
    void messagesSentInATransactionAreDeliveredAfterCommit() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            Session other = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = other.createConsumer(q);
            tx.createProducer(q).send(tx.createTextMessage("committed"));
            assertNull(consumer.receive(ABSENCE_MS), "an uncommitted message was delivered");
            tx.commit();
            assertEquals("committed", receiveText(consumer));
        }
    }

    @Test
    void messagesSentInOneTransactionArriveInSendOrder() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            MessageProducer p = tx.createProducer(q);
            for (int i = 0; i < 10; i++) {
                p.send(tx.createTextMessage("m" + i));
            }
            tx.commit();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals(List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"),
                    receiveTexts(s.createConsumer(q), 10));
        }
    }

    @Test
    void rollbackDiscardsMessagesSentInTheTransaction() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            tx.createProducer(q).send(tx.createTextMessage("discarded"));
            tx.rollback();
            sendAuto(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
        }
    }

    @Test
    void committedReceiveIsNotRedelivered() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendAuto(c, q, "consumed");
            MessageConsumer consumer = tx.createConsumer(q);
            assertEquals("consumed", receiveText(consumer));
            tx.commit();
            consumer.close();
            sendAuto(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
        }
    }

    @Test
    void rolledBackReceiveIsRedeliveredMarkedRedelivered() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendAuto(c, q, "again");
            MessageConsumer consumer = tx.createConsumer(q);
            Message first = receiveRequired(consumer);
            assertFalse(first.getJMSRedelivered());
            tx.rollback();
            Message second = receiveRequired(consumer);
            assertEquals("again", ((TextMessage) second).getText());
            assertTrue(second.getJMSRedelivered());
            assertEquals(first.getJMSMessageID(), second.getJMSMessageID());
            tx.commit();
        }
    }

    @Test
    void rollbackRedeliversSeveralMessagesInTheirOriginalOrder() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendAuto(c, q, "1", "2", "3");
            MessageConsumer consumer = tx.createConsumer(q);
            assertEquals(List.of("1", "2", "3"), receiveTexts(consumer, 3));
            tx.rollback();
            assertEquals(List.of("1", "2", "3"), receiveTexts(consumer, 3));
            tx.commit();
        }
    }

    @Test
    void rolledBackReceiveCanBeTakenByAnotherSession() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendAuto(c, q, "shared");
            MessageConsumer consumer = tx.createConsumer(q);
            receiveRequired(consumer);
            consumer.close();
            tx.rollback();
            assertEquals("shared", nextOn(c, q));
        }
    }

    @Test
    void closingATransactedSessionRollsBackItsReceives() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendAuto(c, q, "uncommitted");
            receiveRequired(tx.createConsumer(q));
            tx.close();
            assertEquals("uncommitted", nextOn(c, q));
        }
    }

    @Test
    void closingATransactedSessionRollsBackItsSends() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            tx.createProducer(q).send(tx.createTextMessage("never"));
            tx.close();
            sendAuto(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
        }
    }

    @Test
    void oneTransactionCoversAReceiveAndASend() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue(uniqueName());
            Queue out = tx.createQueue(uniqueName());
            sendAuto(c, in, "request");
            MessageConsumer consumer = tx.createConsumer(in);
            receiveRequired(consumer);
            tx.createProducer(out).send(tx.createTextMessage("response"));
            tx.rollback();
            consumer.close();
            assertEquals("request", nextOn(c, in));
            sendAuto(c, out, "marker");
            assertEquals("marker", nextOn(c, out));
        }
    }

    @Test
    void commitMakesAReceiveAndASendTakeEffectTogether() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue in = tx.createQueue(uniqueName());
            Queue out = tx.createQueue(uniqueName());
            sendAuto(c, in, "request");
            MessageConsumer consumer = tx.createConsumer(in);
            receiveRequired(consumer);
            tx.createProducer(out).send(tx.createTextMessage("response"));
            tx.commit();
            consumer.close();
            assertEquals("response", nextOn(c, out));
            sendAuto(c, in, "marker");
            assertEquals("marker", nextOn(c, in));
        }
    }

    @Test
    void aNewTransactionStartsAfterEachCommit() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            MessageProducer p = tx.createProducer(q);
            p.send(tx.createTextMessage("first"));
            tx.commit();
            p.send(tx.createTextMessage("second"));
            tx.rollback();
            sendAuto(c, q, "marker");
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals(List.of("first", "marker"), receiveTexts(s.createConsumer(q), 2));
        }
    }

    @Test
    void transactedPublishToATopicIsDeliveredOnlyAfterCommit() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Topic t = tx.createTopic(uniqueName());
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = s.createConsumer(t);
            tx.createProducer(t).send(tx.createTextMessage("published"));
            assertNull(subscriber.receive(ABSENCE_MS), "an uncommitted publish was delivered");
            tx.commit();
            assertEquals("published", receiveText(subscriber));
        }
    }

    @Test
    void commitOfAClosedSessionThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            tx.close();
            assertThrows(IllegalStateException.class, tx::commit);
        }
    }

    @Test
    void rollbackOfAClosedSessionThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            tx.close();
            assertThrows(IllegalStateException.class, tx::rollback);
        }
    }

    @Test
    void commitWithNothingToCommitSucceeds() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            assertDoesNotThrow(tx::commit);
            assertDoesNotThrow(tx::rollback);
        }
    }

    @Test
    void acknowledgeInATransactedSessionIsIgnored() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendAuto(c, q, "x");
            MessageConsumer consumer = tx.createConsumer(q);
            Message m = receiveRequired(consumer);
            assertDoesNotThrow(m::acknowledge);
            tx.rollback();
            assertEquals("x", ((TextMessage) receiveRequired(consumer)).getText());
            tx.commit();
        }
    }

    @Test
    void messagesReceivedByAConsumerClosedBeforeCommitAreStillCommitted() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Queue q = tx.createQueue(uniqueName());
            sendAuto(c, q, "taken");
            MessageConsumer consumer = tx.createConsumer(q);
            receiveRequired(consumer);
            consumer.close();
            tx.commit();
            sendAuto(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
        }
    }

    @Test
    void rolledBackTopicMessageIsRedeliveredToTheSameSubscriber() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Topic t = tx.createTopic(uniqueName());
            MessageConsumer subscriber = tx.createConsumer(t);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createProducer(t).send(s.createTextMessage("topic tx"));
            receiveRequired(subscriber);
            tx.rollback();
            Message again = receiveRequired(subscriber);
            assertEquals("topic tx", ((TextMessage) again).getText());
            assertTrue(again.getJMSRedelivered());
            assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
            tx.commit();
        }
    }
}
