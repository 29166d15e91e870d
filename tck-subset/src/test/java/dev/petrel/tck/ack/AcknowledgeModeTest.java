package dev.petrel.tck.ack;

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
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jakarta Messaging 3.1 §6.2.10: AUTO, CLIENT and DUPS_OK acknowledgement. Absence of a message
 * is shown by a marker sent afterwards: a FIFO queue hands out the marker first only if nothing
 * earlier is left.
 */
class AcknowledgeModeTest extends TckTest {

    private void send(Connection c, Queue q, String... texts) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            p.send(s.createTextMessage(t));
        }
        s.close();
    }

    /** The next message on {@code q}, read by a fresh AUTO session. */
    private String nextOn(Connection c, Queue q) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        try {
            return receiveText(s.createConsumer(q));
        } finally {
            s.close();
        }
    }

    @Test
    void autoAcknowledgedMessageIsNotRedeliveredAfterTheSessionCloses() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "one");
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals("one", receiveText(s.createConsumer(q)));
            s.close();
            send(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
        }
    }

    @Test
    void autoAcknowledgedListenerMessageIsNotRedeliveredAfterOnMessageReturns() throws Exception {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            CountDownLatch got = new CountDownLatch(1);
            s.createConsumer(q).setMessageListener(m -> got.countDown());
            send(c, q, "one");
            assertTrue(got.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            s.close();
            send(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
        }
    }

    @Test
    void listenerThatThrowsInAutoModeGetsTheMessageAgainMarkedRedelivered() throws Exception {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            List<Boolean> redelivered = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch twice = new CountDownLatch(2);
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    redelivered.add(m.getJMSRedelivered());
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
                twice.countDown();
                if (redelivered.size() == 1) {
                    throw new RuntimeException("deliberate failure in onMessage");
                }
            });
            send(c, q, "one");
            assertTrue(twice.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "the message was not redelivered");
            assertEquals(List.of(false, true), redelivered.subList(0, 2));
        }
    }

    @Test
    void acknowledgeInAutoModeIsIgnored() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "one");
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message m = receiveRequired(s.createConsumer(q));
            assertDoesNotThrow(m::acknowledge);
        }
    }

    @Test
    void clientAcknowledgeAcknowledgesEveryMessageConsumedSoFarInTheSession() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "1", "2", "3");
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(q);
            Message first = receiveRequired(consumer);
            receiveRequired(consumer);
            receiveRequired(consumer);
            first.acknowledge();
            s.close();
            send(c, q, "marker");
            assertEquals("marker", nextOn(c, q));
        }
    }

    @Test
    void clientAcknowledgeCoversMessagesOfEveryConsumerOfTheSession() throws JMSException {
        try (Connection c = startedConnection()) {
            Session setup = c.createSession();
            Queue q1 = setup.createQueue(uniqueName());
            Queue q2 = setup.createQueue(uniqueName());
            send(c, q1, "a");
            send(c, q2, "b");
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Message fromQ1 = receiveRequired(s.createConsumer(q1));
            receiveRequired(s.createConsumer(q2));
            fromQ1.acknowledge();
            s.close();
            send(c, q2, "marker");
            assertEquals("marker", nextOn(c, q2));
        }
    }

    @Test
    void unacknowledgedClientMessagesAreRedeliveredAfterTheSessionCloses() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "1", "2");
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(q);
            receiveRequired(consumer);
            receiveRequired(consumer);
            s.close();
            Session again = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer second = again.createConsumer(q);
            Message m1 = receiveRequired(second);
            Message m2 = receiveRequired(second);
            assertEquals("1", ((TextMessage) m1).getText());
            assertEquals("2", ((TextMessage) m2).getText());
            assertTrue(m1.getJMSRedelivered());
            assertTrue(m2.getJMSRedelivered());
            m2.acknowledge();
        }
    }

    @Test
    void messagesAfterTheLastAcknowledgeAreRedeliveredAfterTheSessionCloses() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "1", "2");
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(q);
            receiveRequired(consumer).acknowledge();
            receiveRequired(consumer);
            s.close();
            assertEquals("2", nextOn(c, q));
        }
    }

    @Test
    void recoverRedeliversUnacknowledgedMessagesInOrderMarkedRedelivered() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "1", "2", "3");
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(q);
            receiveRequired(consumer).acknowledge();
            assertEquals("2", receiveText(consumer));
            assertEquals("3", receiveText(consumer));
            s.recover();
            Message again2 = receiveRequired(consumer);
            Message again3 = receiveRequired(consumer);
            assertEquals("2", ((TextMessage) again2).getText());
            assertEquals("3", ((TextMessage) again3).getText());
            assertTrue(again2.getJMSRedelivered());
            assertTrue(again3.getJMSRedelivered());
            assertEquals(2, again2.getIntProperty("JMSXDeliveryCount"));
            again3.acknowledge();
        }
    }

    @Test
    void recoverInAutoModeRedeliversNothingAlreadyAcknowledged() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "1", "2");
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(q);
            assertEquals("1", receiveText(consumer));
            s.recover();
            assertEquals("2", receiveText(consumer));
        }
    }

    @Test
    void unacknowledgedMessageSurvivesItsConsumerClosingAndGoesToTheNextConsumer() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "kept");
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(q);
            receiveRequired(consumer);
            consumer.close();
            s.close();
            assertEquals("kept", nextOn(c, q));
        }
    }

    @Test
    void acknowledgingAMessageOfAClosedSessionThrowsIllegalStateException() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "x");
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Message m = receiveRequired(s.createConsumer(q));
            s.close();
            assertThrows(IllegalStateException.class, m::acknowledge);
        }
    }

    @Test
    void dupsOkSessionDeliversEveryMessage() throws JMSException {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            send(c, q, "1", "2", "3");
            Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            assertEquals(List.of("1", "2", "3"), receiveTexts(s.createConsumer(q), 3));
        }
    }

    @Test
    void dupsOkListenerReceivesEveryMessage() throws Exception {
        try (Connection c = startedConnection()) {
            Queue q = c.createSession().createQueue(uniqueName());
            Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            List<String> got = Collections.synchronizedList(new ArrayList<>());
            s.createConsumer(q).setMessageListener(m -> {
                try {
                    got.add(((TextMessage) m).getText());
                } catch (JMSException e) {
                    throw new RuntimeException(e);
                }
            });
            send(c, q, "1", "2", "3");
            awaitCondition("three messages", () -> got.size() >= 3);
            assertEquals(List.of("1", "2", "3"), new ArrayList<>(got).subList(0, 3));
        }
    }
}
