package dev.petrel.client.xa;

import dev.petrel.client.XaAccess;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;

/**
 * An XA connection: a Petrel connection that also creates XA sessions, each a session
 * acknowledging automatically plus its {@link PetrelXAResource}. Non-XA sessions created from it
 * ({@code createSession}, ...) are ordinary Petrel sessions. Every other method is the wrapped
 * connection's.
 *
 * <p>Threading: as a JMS connection (thread-safe).
 */
public final class PetrelXAConnection implements XAQueueConnection, XATopicConnection {

    private final Connection connection;

    PetrelXAConnection(Connection connection) {
        this.connection = connection;
    }

    /** The wrapped Petrel connection. */
    public Connection connection() {
        return connection;
    }

    @Override
    public XASession createXASession() throws JMSException {
        return xaSession(connection.createSession(false, Session.AUTO_ACKNOWLEDGE));
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return xaSession(((QueueConnection) connection).createQueueSession(false, Session.AUTO_ACKNOWLEDGE));
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return xaSession(((TopicConnection) connection).createTopicSession(false, Session.AUTO_ACKNOWLEDGE));
    }

    private PetrelXASession xaSession(Session session) throws JMSException {
        return new PetrelXASession(session, new PetrelXAResource(() -> XaAccess.broker(connection),
                XaAccess.sessionId(session), XaAccess.broker(connection).info().brokerName()));
    }

    @Override
    public Session createSession(boolean arg0, int arg1) throws JMSException {
        return connection.createSession(arg0, arg1);
    }

    @Override
    public Session createSession(int arg0) throws JMSException {
        return connection.createSession(arg0);
    }

    @Override
    public Session createSession() throws JMSException {
        return connection.createSession();
    }

    @Override
    public String getClientID() throws JMSException {
        return connection.getClientID();
    }

    @Override
    public void setClientID(String arg0) throws JMSException {
        connection.setClientID(arg0);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        return connection.getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        return connection.getExceptionListener();
    }

    @Override
    public void setExceptionListener(ExceptionListener arg0) throws JMSException {
        connection.setExceptionListener(arg0);
    }

    @Override
    public void start() throws JMSException {
        connection.start();
    }

    @Override
    public void stop() throws JMSException {
        connection.stop();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination arg0, String arg1, ServerSessionPool arg2, int arg3) throws JMSException {
        return connection.createConnectionConsumer(arg0, arg1, arg2, arg3);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic arg0, String arg1, String arg2, ServerSessionPool arg3, int arg4) throws JMSException {
        return connection.createSharedConnectionConsumer(arg0, arg1, arg2, arg3, arg4);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic arg0, String arg1, String arg2, ServerSessionPool arg3, int arg4) throws JMSException {
        return connection.createDurableConnectionConsumer(arg0, arg1, arg2, arg3, arg4);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic arg0, String arg1, String arg2, ServerSessionPool arg3, int arg4) throws JMSException {
        return connection.createSharedDurableConnectionConsumer(arg0, arg1, arg2, arg3, arg4);
    }

    @Override
    public QueueSession createQueueSession(boolean arg0, int arg1) throws JMSException {
        return ((QueueConnection) connection).createQueueSession(arg0, arg1);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue arg0, String arg1, ServerSessionPool arg2, int arg3) throws JMSException {
        return ((QueueConnection) connection).createConnectionConsumer(arg0, arg1, arg2, arg3);
    }

    @Override
    public TopicSession createTopicSession(boolean arg0, int arg1) throws JMSException {
        return ((TopicConnection) connection).createTopicSession(arg0, arg1);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic arg0, String arg1, ServerSessionPool arg2, int arg3) throws JMSException {
        return ((TopicConnection) connection).createConnectionConsumer(arg0, arg1, arg2, arg3);
    }


    @Override
    public String toString() {
        return "PetrelXAConnection[" + connection + "]";
    }
}
