package dev.petrel.client.xa;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XAJMSContext;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueConnectionFactory;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicConnectionFactory;
import dev.petrel.client.PetrelConnectionFactory;

import java.io.Serial;

/**
 * Petrel's XA connection factory: everything {@link PetrelConnectionFactory} does (same URL and
 * properties), plus XA connections and XA contexts whose sessions have a real
 * {@code XAResource} ({@link PetrelXAResource}).
 *
 * <p>A separate subclass rather than XA on {@code PetrelConnectionFactory} itself: application
 * servers, resource adapters and frameworks decide "XA or local" by {@code instanceof
 * XAConnectionFactory}, so a plain factory must not claim XA; the administrator chooses by
 * choosing the class.
 *
 * <p>Thread-safety: as {@link PetrelConnectionFactory}.
 */
public class PetrelXAConnectionFactory extends PetrelConnectionFactory
        implements XAConnectionFactory, XAQueueConnectionFactory, XATopicConnectionFactory {

    @Serial
    private static final long serialVersionUID = 1L;

    public PetrelXAConnectionFactory() {
    }

    public PetrelXAConnectionFactory(String brokerURL) {
        super(brokerURL);
    }

    public PetrelXAConnectionFactory(String brokerURL, String user, String password) {
        super(brokerURL, user, password);
    }

    @Override
    public XAConnection createXAConnection() throws JMSException {
        return createXAConnection(getUser(), getPassword());
    }

    @Override
    public XAConnection createXAConnection(String userName, String password) throws JMSException {
        return new PetrelXAConnection(createConnection(userName, password));
    }

    @Override
    public XAQueueConnection createXAQueueConnection() throws JMSException {
        return createXAQueueConnection(getUser(), getPassword());
    }

    @Override
    public XAQueueConnection createXAQueueConnection(String userName, String password) throws JMSException {
        return new PetrelXAConnection(createConnection(userName, password));
    }

    @Override
    public XATopicConnection createXATopicConnection() throws JMSException {
        return createXATopicConnection(getUser(), getPassword());
    }

    @Override
    public XATopicConnection createXATopicConnection(String userName, String password) throws JMSException {
        return new PetrelXAConnection(createConnection(userName, password));
    }

    @Override
    public XAJMSContext createXAContext() {
        return createXAContext(getUser(), getPassword());
    }

    @Override
    public XAJMSContext createXAContext(String userName, String password) {
        JMSContext context = createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
        try {
            return new PetrelXAJMSContext(context);
        } catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "PetrelXAConnectionFactory[" + getBrokerURL() + "]";
    }
}
