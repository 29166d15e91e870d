package dev.petrel.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Petrel's {@code JMSContext}: one session (created on first use, so that {@code setClientID}
 * stays possible right after creation) on a connection shared with the contexts made by
 * {@link #createContext(int)}; the connection closes with the last of them.
 *
 * <p>Thread-safety: as a JMS session: one application thread at a time.
 */
public class PetrelJMSContext implements JMSContext {

    /** The connection shared by a context and the contexts created from it, with the count of open ones. */
    private record Shared(PetrelConnection connection, AtomicInteger openContexts) {
    }

    private final Shared shared;
    private final int sessionMode;
    private final Object sessionLock = new Object();
    private volatile PetrelSession session;
    private volatile PetrelMessageProducer producer;
    private volatile boolean autoStart = true;
    private volatile boolean closed;

    PetrelJMSContext(PetrelConnection connection, int sessionMode) {
        this(new Shared(connection, new AtomicInteger(1)), sessionMode);
    }

    private PetrelJMSContext(Shared shared, int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
    }

    /** @throws JMSRuntimeException when {@code sessionMode} is not one of the four JMSContext modes */
    static void checkSessionMode(int sessionMode) {
        if (sessionMode < SESSION_TRANSACTED || sessionMode > DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("session mode " + sessionMode + " is not valid; expected SESSION_TRANSACTED (0), "
                    + "AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or DUPS_OK_ACKNOWLEDGE (3)");
        }
    }

    private void checkClosed() {
        if (closed) {
            throw new IllegalStateRuntimeException("JMSContext is closed");
        }
    }

    PetrelConnection connection() {
        return shared.connection();
    }

    /** The context's session, created on first use. */
    PetrelSession session() {
        checkClosed();
        PetrelSession current = session;
        if (current == null) {
            synchronized (sessionLock) {
                current = session;
                if (current == null) {
                    current = JmsCall.unchecked(() -> shared.connection().newSession(sessionMode));
                    session = current;
                }
            }
        }
        return current;
    }

    PetrelMessageProducer producerForSends() {
        PetrelMessageProducer current = producer;
        if (current == null) {
            synchronized (sessionLock) {
                current = producer;
                if (current == null) {
                    PetrelSession s = session();
                    current = JmsCall.unchecked(() -> s.newProducer(null));
                    producer = current;
                }
            }
        }
        return current;
    }

    private void autoStartIfNeeded() {
        if (autoStart) {
            JmsCall.run(() -> shared.connection().start());
        }
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        checkClosed();
        checkSessionMode(sessionMode);
        shared.openContexts().incrementAndGet();
        return new PetrelJMSContext(shared, sessionMode);
    }

    @Override
    public JMSProducer createProducer() {
        checkClosed();
        return PetrelJMSProducer.over(this::session, this::producerForSends, true);
    }

    @Override
    public String getClientID() {
        checkClosed();
        return JmsCall.unchecked(() -> shared.connection().getClientID());
    }

    @Override
    public void setClientID(String clientID) {
        checkClosed();
        JmsCall.run(() -> shared.connection().setClientID(clientID));
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkClosed();
        return JmsCall.unchecked(() -> shared.connection().getMetaData());
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkClosed();
        return JmsCall.unchecked(() -> shared.connection().getExceptionListener());
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkClosed();
        JmsCall.run(() -> shared.connection().setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkClosed();
        JmsCall.run(() -> shared.connection().start());
    }

    @Override
    public void stop() {
        checkClosed();
        JmsCall.run(() -> shared.connection().stop());
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkClosed();
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkClosed();
        return autoStart;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (shared.connection().onCallbackThread()) {
            PetrelSession current = session;
            if (current != null && current.isCallbackThread(Thread.currentThread())) {
                throw new IllegalStateRuntimeException("a MessageListener or CompletionListener must not close its own JMSContext");
            }
        }
        PetrelSession current = session;
        if (current != null) {
            JmsCall.run(current::close);
        }
        closed = true;
        if (shared.openContexts().decrementAndGet() == 0) {
            JmsCall.run(() -> shared.connection().close());
        }
    }

    // ---- messages ----------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() {
        return JmsCall.unchecked(() -> session().createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return JmsCall.unchecked(() -> session().createMapMessage());
    }

    @Override
    public Message createMessage() {
        return JmsCall.unchecked(() -> session().createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return JmsCall.unchecked(() -> session().createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return JmsCall.unchecked(() -> session().createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return JmsCall.unchecked(() -> session().createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return JmsCall.unchecked(() -> session().createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return JmsCall.unchecked(() -> session().createTextMessage(text));
    }

    // ---- transactions ------------------------------------------------------------------------

    @Override
    public boolean getTransacted() {
        checkClosed();
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkClosed();
        return sessionMode;
    }

    @Override
    public void commit() {
        JmsCall.run(() -> session().commit());
    }

    @Override
    public void rollback() {
        JmsCall.run(() -> session().rollback());
    }

    @Override
    public void recover() {
        JmsCall.run(() -> session().recover());
    }

    @Override
    public void acknowledge() {
        checkClosed();
        PetrelSession current = session;
        if (current != null) {
            JmsCall.run(current::acknowledgeAll);
        }
    }

    // ---- consumers ---------------------------------------------------------------------------

    private JMSConsumer consumer(JmsCall<PetrelMessageConsumer> create) {
        PetrelMessageConsumer consumer = JmsCall.unchecked(create);
        autoStartIfNeeded();
        return new PetrelJMSConsumer(consumer);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return createConsumer(destination, null, false);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        PetrelSession s = session();
        return consumer(() -> s.newConsumer(destination, messageSelector, noLocal, null, false, false));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        PetrelSession s = session();
        return consumer(() -> (PetrelMessageConsumer) s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return createDurableConsumer(topic, name, null, false);
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        PetrelSession s = session();
        return consumer(() -> (PetrelMessageConsumer) s.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        PetrelSession s = session();
        return consumer(() -> (PetrelMessageConsumer) s.createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        PetrelSession s = session();
        return JmsCall.unchecked(() -> s.createBrowser(queue, messageSelector));
    }

    @Override
    public void unsubscribe(String name) {
        PetrelSession s = session();
        JmsCall.run(() -> s.unsubscribe(name));
    }

    // ---- destinations ------------------------------------------------------------------------

    @Override
    public Queue createQueue(String queueName) {
        checkClosed();
        JmsCall.run(() -> MessageBridge.checkName(queueName, "queue"));
        return MessageBridge.queue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) {
        checkClosed();
        JmsCall.run(() -> MessageBridge.checkName(topicName, "topic"));
        return MessageBridge.topic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return JmsCall.unchecked(() -> session().createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return JmsCall.unchecked(() -> session().createTemporaryTopic());
    }

    @Override
    public String toString() {
        return "PetrelJMSContext[" + shared.connection() + ", mode " + sessionMode + (closed ? ", closed" : "") + "]";
    }
}
