package dev.petrel.ra;

import dev.petrel.client.PetrelJMSProducer;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;

/**
 * The {@code JMSContext} of the adapter's factory: a pooled connection handle and its one session
 * handle, so the context's work joins the container transaction exactly like a session's
 * (the session mode is ignored, as the Jakarta EE rules say). Closing the context closes the handle,
 * returning the connection to the pool. {@code createContext(int)}, {@code setClientID},
 * {@code setExceptionListener}, {@code stop}, message listeners and asynchronous sends
 * ({@code JMSProducer.setAsync}) throw {@link IllegalStateRuntimeException}.
 *
 * <p>Threading: one thread at a time, as a JMS context.
 */
final class PetrelRaJMSContext implements JMSContext {

    private final Connection connection;
    private final Session session;
    private boolean autoStart = true;
    private boolean started;

    PetrelRaJMSContext(Connection connection) {
        this.connection = connection;
        try {
            this.session = Unchecked.call(connection::createSession);
        } catch (RuntimeException e) {
            PetrelResourceAdapter.closeQuietlyLogged(connection);
            throw e;
        }
    }

    private static IllegalStateRuntimeException forbidden(String what) {
        return new IllegalStateRuntimeException(what + " is not allowed in a Jakarta EE web or EJB container");
    }

    private JMSConsumer consumer(jakarta.jms.MessageConsumer consumer) {
        if (autoStart && !started) {
            start();
        }
        return new PetrelRaJMSConsumer(consumer);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        throw forbidden("createContext on a context");
    }

    @Override
    public JMSProducer createProducer() {
        MessageProducer anonymous = Unchecked.call(() -> session.createProducer(null));
        return PetrelJMSProducer.over(() -> session, () -> anonymous, false);
    }

    @Override
    public String getClientID() {
        return Unchecked.call(connection::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        throw forbidden("setClientID");
    }

    @Override
    public ConnectionMetaData getMetaData() {
        return Unchecked.call(connection::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        return null;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        throw forbidden("setExceptionListener");
    }

    @Override
    public void start() {
        Unchecked.run(connection::start);
        started = true;
    }

    @Override
    public void stop() {
        throw forbidden("stop");
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        return autoStart;
    }

    @Override
    public void close() {
        Unchecked.run(connection::close);
    }

    @Override
    public BytesMessage createBytesMessage() {
        return Unchecked.call(session::createBytesMessage);
    }

    @Override
    public MapMessage createMapMessage() {
        return Unchecked.call(session::createMapMessage);
    }

    @Override
    public Message createMessage() {
        return Unchecked.call(session::createMessage);
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return Unchecked.call(session::createObjectMessage);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return Unchecked.call(() -> session.createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return Unchecked.call(session::createStreamMessage);
    }

    @Override
    public TextMessage createTextMessage() {
        return Unchecked.call(session::createTextMessage);
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return Unchecked.call(() -> session.createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        return Unchecked.call(session::getTransacted);
    }

    @Override
    public int getSessionMode() {
        return Unchecked.call(session::getAcknowledgeMode);
    }

    @Override
    public void commit() {
        Unchecked.run(session::commit);
    }

    @Override
    public void rollback() {
        Unchecked.run(session::rollback);
    }

    @Override
    public void recover() {
        Unchecked.run(session::recover);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer(Unchecked.call(() -> session.createConsumer(destination)));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String selector) {
        return consumer(Unchecked.call(() -> session.createConsumer(destination, selector)));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String selector, boolean noLocal) {
        return consumer(Unchecked.call(() -> session.createConsumer(destination, selector, noLocal)));
    }

    @Override
    public Queue createQueue(String name) {
        return Unchecked.call(() -> session.createQueue(name));
    }

    @Override
    public Topic createTopic(String name) {
        return Unchecked.call(() -> session.createTopic(name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer(Unchecked.call(() -> session.createDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String selector, boolean noLocal) {
        return consumer(Unchecked.call(() -> session.createDurableConsumer(topic, name, selector, noLocal)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer(Unchecked.call(() -> session.createSharedDurableConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String selector) {
        return consumer(Unchecked.call(() -> session.createSharedDurableConsumer(topic, name, selector)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String name) {
        return consumer(Unchecked.call(() -> session.createSharedConsumer(topic, name)));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String name, String selector) {
        return consumer(Unchecked.call(() -> session.createSharedConsumer(topic, name, selector)));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return Unchecked.call(() -> session.createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String selector) {
        return Unchecked.call(() -> session.createBrowser(queue, selector));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return Unchecked.call(session::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return Unchecked.call(session::createTemporaryTopic);
    }

    @Override
    public void unsubscribe(String name) {
        Unchecked.run(() -> session.unsubscribe(name));
    }

    @Override
    public void acknowledge() {
        // the session acknowledges automatically or as part of the container transaction
    }
}
