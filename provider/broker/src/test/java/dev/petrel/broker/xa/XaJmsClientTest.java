package dev.petrel.broker.xa;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.xa.PetrelXAConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.transaction.xa.XAResource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JMS XA API (XAConnectionFactory, XASession, XAJMSContext) over an embedded broker, driven by Narayana. */
class XaJmsClientTest {
    @TempDir
    Path data;
    private EmbeddedBroker broker;
    private PetrelXAConnectionFactory factory;
    private TransactionManager tm;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = EmbeddedBroker.builder().name("xa-jms-" + System.nanoTime()).dataDirectory(data).start();
        factory = new PetrelXAConnectionFactory(broker.url());
        tm = Narayana.transactionManager();
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        broker.close();
    }

    private <T extends AutoCloseable> T closeLater(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private XASession xaSession() throws Exception {
        XAConnection connection = closeLater(factory.createXAConnection());
        connection.start();
        return connection.createXASession();
    }

    private MessageConsumer plainConsumer(Queue queue) throws Exception {
        Connection connection = closeLater(factory.createConnection());
        connection.start();
        return connection.createSession(false, Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
    }

    private static String text(Message m) throws Exception {
        return m == null ? null : ((TextMessage) m).getText();
    }

    @Test
    void xaSessionCommitThrowsTransactionInProgressException() throws Exception {
        assertThrows(TransactionInProgressException.class, () -> xaSession().commit());
    }

    @Test
    void xaSessionRollbackThrowsTransactionInProgressException() throws Exception {
        assertThrows(TransactionInProgressException.class, () -> xaSession().rollback());
    }

    @Test
    void xaSessionIsTransacted() throws Exception {
        assertTrue(xaSession().getTransacted());
    }

    @Test
    void sendOutsideAGlobalTransactionIsDeliveredAtOnce() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue("xa.jms.local");
        session.createProducer(queue).send(session.createTextMessage("local"));
        assertEquals("local", text(plainConsumer(queue).receive(10_000)));
    }

    @Test
    void sendInCommittedGlobalTransactionIsDelivered() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue("xa.jms.commit");
        tm.begin();
        tm.getTransaction().enlistResource(session.getXAResource());
        session.createProducer(queue).send(session.createTextMessage("committed"));
        MessageConsumer consumer = plainConsumer(queue);
        assertNull(consumer.receive(200));
        tm.commit();
        assertEquals("committed", text(consumer.receive(10_000)));
    }

    @Test
    void sessionClosedInsideTheGlobalTransactionStillCommitsItsWork() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue("xa.jms.closed");
        tm.begin();
        tm.getTransaction().enlistResource(session.getXAResource());
        session.createProducer(queue).send(session.createTextMessage("sent before close"));
        session.close();
        tm.commit();
        assertEquals("sent before close", text(plainConsumer(queue).receive(10_000)));
    }

    @Test
    void sendInRolledBackGlobalTransactionIsNeverDelivered() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue("xa.jms.rollback");
        tm.begin();
        tm.getTransaction().enlistResource(session.getXAResource());
        session.createProducer(queue).send(session.createTextMessage("rolled back"));
        tm.rollback();
        assertNull(plainConsumer(queue).receive(300));
    }

    @Test
    void messageReceivedInRolledBackGlobalTransactionIsRedelivered() throws Exception {
        XASession session = xaSession();
        Queue queue = session.createQueue("xa.jms.redeliver");
        session.createProducer(queue).send(session.createTextMessage("work"));
        MessageConsumer consumer = session.createConsumer(queue);
        tm.begin();
        tm.getTransaction().enlistResource(session.getXAResource());
        assertEquals("work", text(consumer.receive(10_000)));
        tm.rollback();
        Message again = consumer.receive(10_000);
        assertEquals("work", text(again));
        assertTrue(again.getJMSRedelivered());
    }

    @Test
    void xaContextSendCommitsWithTheGlobalTransaction() throws Exception {
        XAJMSContext context = closeLater(factory.createXAContext());
        Queue queue = context.createQueue("xa.jms.context");
        tm.begin();
        tm.getTransaction().enlistResource(context.getXAResource());
        context.createProducer().send(queue, "from-context");
        tm.commit();
        assertEquals("from-context", text(plainConsumer(queue).receive(10_000)));
    }

    @Test
    void xaContextCommitThrowsTransactionInProgressRuntimeException() {
        XAJMSContext context = closeLater(factory.createXAContext());
        assertThrows(TransactionInProgressRuntimeException.class, context::commit);
    }

    @Test
    void xaContextGivesItsPlainContext() {
        XAJMSContext context = closeLater(factory.createXAContext());
        assertNotNull(context.getContext());
        assertTrue(context.getTransacted());
        assertEquals(JMSContext.SESSION_TRANSACTED, context.getSessionMode());
    }

    @Test
    void resourcesOfTheSameBrokerAreTheSameResourceManager() throws Exception {
        XAResource first = xaSession().getXAResource();
        XAResource second = xaSession().getXAResource();
        assertTrue(first.isSameRM(second));
    }

    @Test
    void resourcesOfDifferentBrokersAreDifferentResourceManagers() throws Exception {
        try (EmbeddedBroker other = EmbeddedBroker.builder().name("xa-jms-other-" + System.nanoTime())
                .persistent(false).start()) {
            XAConnection connection = closeLater(new PetrelXAConnectionFactory(other.url()).createXAConnection());
            assertFalse(xaSession().getXAResource().isSameRM(connection.createXASession().getXAResource()));
        }
    }

    @Test
    void xaQueueConnectionCreatesXaQueueSessions() throws Exception {
        XAQueueConnection connection = closeLater(factory.createXAQueueConnection());
        XAQueueSession session = connection.createXAQueueSession();
        assertNotNull(session.getQueueSession());
        assertNotNull(session.getXAResource());
    }

    @Test
    void transactionTimeoutIsKeptBySetTransactionTimeout() throws Exception {
        XAResource resource = xaSession().getXAResource();
        assertTrue(resource.setTransactionTimeout(42));
        assertEquals(42, resource.getTransactionTimeout());
    }
}
