package dev.petrel.ra;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;

/**
 * The {@code ConnectionFactory} applications get ({@code @Resource ConnectionFactory}): every
 * connection comes from the server's pool through its {@link ConnectionManager}, and is a handle
 * on a pooled {@link PetrelManagedConnection}. Contexts ({@link #createContext()}) are
 * {@link PetrelRaJMSContext}s on such a handle; their session mode is ignored (Jakarta EE rules).
 *
 * <p>Thread-safe (immutable apart from the JNDI reference the server sets once).
 */
public final class PetrelRaConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory,
        Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private final PetrelManagedConnectionFactory factory;
    private final ConnectionManager manager;
    private Reference reference;

    PetrelRaConnectionFactory(PetrelManagedConnectionFactory factory, ConnectionManager manager) {
        this.factory = factory;
        this.manager = manager;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return allocate(null, null);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return allocate(userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return (QueueConnection) allocate(null, null);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return (QueueConnection) allocate(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return (TopicConnection) allocate(null, null);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return (TopicConnection) allocate(userName, password);
    }

    private Connection allocate(String user, String password) throws JMSException {
        try {
            return (Connection) manager.allocateConnection(factory, new PetrelConnectionRequestInfo(user, password));
        } catch (ResourceException e) {
            JMSException jms = new JMSException("cannot get a pooled Petrel connection: " + e.getMessage());
            jms.setLinkedException(e);
            jms.initCause(e);
            throw jms;
        }
    }

    @Override
    public JMSContext createContext() {
        return context(null, null, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return context(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        return context(userName, password, sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return context(null, null, sessionMode);
    }

    private JMSContext context(String user, String password, int sessionMode) {
        try {
            return new PetrelRaJMSContext(allocate(user, password));
        } catch (JMSException e) {
            throw dev.petrel.client.JmsExceptions.toRuntime(e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }

    @Override
    public String toString() {
        return "PetrelRaConnectionFactory[" + factory.getBrokerURL() + "]";
    }
}
