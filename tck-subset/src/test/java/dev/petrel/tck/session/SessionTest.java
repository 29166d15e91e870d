package dev.petrel.tck.session;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §6.2: session modes, closed sessions, misuse of transactions and recovery. */
class SessionTest extends TckTest {

    @Test
    void autoAcknowledgeSessionReportsItsMode() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals(Session.AUTO_ACKNOWLEDGE, s.getAcknowledgeMode());
            assertFalse(s.getTransacted());
        }
    }

    @Test
    void clientAcknowledgeSessionReportsItsMode() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertEquals(Session.CLIENT_ACKNOWLEDGE, s.getAcknowledgeMode());
            assertFalse(s.getTransacted());
        }
    }

    @Test
    void dupsOkSessionReportsItsMode() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
            assertEquals(Session.DUPS_OK_ACKNOWLEDGE, s.getAcknowledgeMode());
            assertFalse(s.getTransacted());
        }
    }

    @Test
    void transactedSessionReportsSessionTransactedAndIgnoresTheAcknowledgeMode() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(true, Session.CLIENT_ACKNOWLEDGE);
            assertEquals(Session.SESSION_TRANSACTED, s.getAcknowledgeMode());
            assertTrue(s.getTransacted());
        }
    }

    @Test
    void createSessionWithSessionModeTransactedIsTransacted() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(Session.SESSION_TRANSACTED);
            assertTrue(s.getTransacted());
            assertEquals(Session.SESSION_TRANSACTED, s.getAcknowledgeMode());
        }
    }

    @Test
    void createSessionWithSessionModeClientAcknowledgeIsNotTransacted() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(Session.CLIENT_ACKNOWLEDGE);
            assertFalse(s.getTransacted());
            assertEquals(Session.CLIENT_ACKNOWLEDGE, s.getAcknowledgeMode());
        }
    }

    @Test
    void createSessionWithoutArgumentsIsAutoAcknowledge() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession();
            assertFalse(s.getTransacted());
            assertEquals(Session.AUTO_ACKNOWLEDGE, s.getAcknowledgeMode());
        }
    }

    @Test
    void commitOnANonTransactedSessionThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, s::commit);
        }
    }

    @Test
    void rollbackOnANonTransactedSessionThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, s::rollback);
        }
    }

    @Test
    void recoverOnATransactedSessionThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            assertThrows(IllegalStateException.class, s::recover);
        }
    }

    @Test
    void closingAClosedSessionDoesNotThrow() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.close();
            assertDoesNotThrow(s::close);
        }
    }

    @Test
    void closedSessionRejectsCreateProducerWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(s -> s.createProducer(null));
    }

    @Test
    void closedSessionRejectsCreateConsumerWithIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            s.close();
            assertThrows(IllegalStateException.class, () -> s.createConsumer(q));
        }
    }

    @Test
    void closedSessionRejectsCreateBrowserWithIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            s.close();
            assertThrows(IllegalStateException.class, () -> s.createBrowser(q));
        }
    }

    @Test
    void closedSessionRejectsCreateTextMessageWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(s -> s.createTextMessage("x"));
    }

    @Test
    void closedSessionRejectsCreateBytesMessageWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::createBytesMessage);
    }

    @Test
    void closedSessionRejectsCreateMapMessageWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::createMapMessage);
    }

    @Test
    void closedSessionRejectsCreateStreamMessageWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::createStreamMessage);
    }

    @Test
    void closedSessionRejectsCreateObjectMessageWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::createObjectMessage);
    }

    @Test
    void closedSessionRejectsCreateMessageWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::createMessage);
    }

    @Test
    void closedSessionRejectsCreateTemporaryQueueWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::createTemporaryQueue);
    }

    @Test
    void closedSessionRejectsCreateTemporaryTopicWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::createTemporaryTopic);
    }

    @Test
    void closedSessionRejectsGetTransactedWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::getTransacted);
    }

    @Test
    void closedSessionRejectsGetAcknowledgeModeWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::getAcknowledgeMode);
    }

    @Test
    void closedSessionRejectsRecoverWithIllegalStateException() throws JMSException {
        assertClosedSessionRejects(Session::recover);
    }

    @Test
    void closedTransactedSessionRejectsCommitWithIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            s.close();
            assertThrows(IllegalStateException.class, s::commit);
        }
    }

    @Test
    void closedTransactedSessionRejectsRollbackWithIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            s.close();
            assertThrows(IllegalStateException.class, s::rollback);
        }
    }

    @Test
    void closingASessionClosesItsProducers() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session other = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            s.close();
            assertThrows(IllegalStateException.class, () -> p.send(other.createTextMessage("x")));
        }
    }

    @Test
    void closingASessionClosesItsConsumers() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(uniqueName()));
            s.close();
            assertThrows(IllegalStateException.class, () -> consumer.receive(10));
        }
    }

    @Test
    void closedProducerRejectsSendWithIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            p.close();
            assertThrows(IllegalStateException.class, () -> p.send(s.createTextMessage("x")));
        }
    }

    @Test
    void closedConsumerRejectsReceiveWithIllegalStateException() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(uniqueName()));
            consumer.close();
            assertThrows(IllegalStateException.class, consumer::receiveNoWait);
        }
    }

    @Test
    void createConsumerForANullDestinationThrowsInvalidDestinationException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(InvalidDestinationException.class, () -> s.createConsumer(null));
        }
    }

    @Test
    void createBrowserForANullQueueThrowsInvalidDestinationException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(InvalidDestinationException.class, () -> s.createBrowser(null));
        }
    }

    @Test
    void createDurableConsumerForANullTopicThrowsInvalidDestinationException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.setClientID(uniqueName());
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(InvalidDestinationException.class, () -> s.createDurableConsumer(null, uniqueName()));
        }
    }

    @Test
    void createSharedConsumerForANullTopicThrowsInvalidDestinationException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(InvalidDestinationException.class, () -> s.createSharedConsumer(null, uniqueName()));
        }
    }

    @Test
    void unsubscribingAnUnknownSubscriptionThrowsInvalidDestinationException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.setClientID(uniqueName());
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(InvalidDestinationException.class, () -> s.unsubscribe(uniqueName()));
        }
    }

    @Test
    void queueNameIsReturnedByGetQueueName() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            String name = uniqueName();
            Queue q = s.createQueue(name);
            assertEquals(name, q.getQueueName());
        }
    }

    @Test
    void topicNameIsReturnedByGetTopicName() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            String name = uniqueName();
            Topic t = s.createTopic(name);
            assertEquals(name, t.getTopicName());
        }
    }

    private interface SessionAction {
        void apply(Session s) throws JMSException;
    }

    private void assertClosedSessionRejects(SessionAction action) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.close();
            Executable call = () -> action.apply(s);
            assertThrows(IllegalStateException.class, call);
        }
    }
}
