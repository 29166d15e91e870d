package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.selector.Selector;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionRolledBackException;

import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A JMS session: creates messages, producers, consumers and browsers, and keeps the
 * acknowledgement bookkeeping (which deliveries the application has seen, which are only
 * buffered) that acknowledge, commit, rollback, recover and close hand to the broker.
 *
 * <p>Threading: a session is single-threaded in JMS terms (one application thread at a time), but
 * its message listeners run on its own delivery thread and the completion listeners of its
 * asynchronous sends on its completion thread ({@link SessionDispatcher}); the bookkeeping is
 * therefore thread-safe. {@link #close()} may be called from any thread except this session's
 * listener threads.
 */
public class PetrelSession implements Session, QueueSession, TopicSession {

    /** Which legacy interface the session was created as; the domain-specific ones refuse the other domain's methods. */
    enum Domain { GENERIC, QUEUE, TOPIC }

    private final PetrelConnection connection;
    private final long id;
    private final int mode;
    private volatile Domain domain = Domain.GENERIC;
    private final SessionAcknowledgements acknowledgements;
    private final SessionDispatcher dispatcher;
    /** Sends of the current local transaction not answered yet: only the commit waits for them. */
    private final UnconfirmedSends transactedSends;
    private final List<PetrelMessageConsumer> consumers = new CopyOnWriteArrayList<>();
    private final List<PetrelMessageProducer> producers = new CopyOnWriteArrayList<>();
    private final List<PetrelQueueBrowser> browsers = new CopyOnWriteArrayList<>();
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private volatile MessageListener sessionListener;

    PetrelSession(PetrelConnection connection, long id, int mode) {
        this.connection = connection;
        this.id = id;
        this.mode = mode;
        this.dispatcher = new SessionDispatcher("petrel-session-" + id);
        this.acknowledgements = new SessionAcknowledgements(connection::broker, id, mode);
        this.transactedSends = new UnconfirmedSends("session " + id, UnconfirmedSends.Kind.TRANSACTED);
    }

    PetrelSession asDomain(Domain newDomain) {
        this.domain = newDomain;
        return this;
    }

    long id() {
        return id;
    }

    PetrelConnection connection() {
        return connection;
    }

    SessionDispatcher dispatcher() {
        return dispatcher;
    }

    /** The sends of the current local transaction, which do not wait for the broker (only the commit does). */
    UnconfirmedSends transactedSends() {
        return transactedSends;
    }

    SessionAcknowledgements acknowledgements() {
        return acknowledgements;
    }

    int mode() {
        return mode;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isAutoAcknowledging() {
        return acknowledgements.isAutoAcknowledging();
    }

    void checkClosed() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("session");
        }
        connection.checkClosed();
    }

    boolean isCallbackThread(Thread thread) {
        return dispatcher.isDeliveryThread(thread) || dispatcher.isCompletionThread(thread);
    }

    private void checkNotInCompletionListener(String method) throws IllegalStateException {
        if (dispatcher.isCompletionThread(Thread.currentThread())) {
            throw new IllegalStateException(method + " must not be called from a CompletionListener of its own session");
        }
    }

    private void checkDomain(Domain forbidden, String method) throws IllegalStateException {
        if (domain == forbidden) {
            throw new IllegalStateException(method + " is not allowed on a " + (forbidden == Domain.QUEUE ? "QueueSession" : "TopicSession"));
        }
    }

    // ---- messages -------------------------------------------------------------------------

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkClosed();
        return MessageBridge.createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkClosed();
        return MessageBridge.createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        checkClosed();
        return MessageBridge.createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkClosed();
        return MessageBridge.createObjectMessage(null);
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        checkClosed();
        return MessageBridge.createObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkClosed();
        return MessageBridge.createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkClosed();
        return MessageBridge.createTextMessage(null);
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        checkClosed();
        return MessageBridge.createTextMessage(text);
    }

    // ---- transactions and acknowledgement ---------------------------------------------------

    @Override
    public boolean getTransacted() throws JMSException {
        checkClosed();
        return mode == SESSION_TRANSACTED;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkClosed();
        return mode;
    }

    @Override
    public void commit() throws JMSException {
        checkTransactionControl("commit()");
        try {
            transactedSends.awaitAll();
        } catch (JMSException refused) {
            rollBackWork();
            TransactionRolledBackException rolledBack = new TransactionRolledBackException(
                    "the transaction was rolled back instead of committed: the broker refused a send in it: "
                            + refused.getMessage());
            rolledBack.setLinkedException(refused);
            rolledBack.initCause(refused);
            throw rolledBack;
        }
        acknowledgements.commit();
    }

    @Override
    public void rollback() throws JMSException {
        checkTransactionControl("rollback()");
        rollBackWork();
    }

    /** Ends the local transaction without its work: its sends are dropped, its consumed deliveries come back. */
    private void rollBackWork() throws JMSException {
        transactedSends.forget();
        acknowledgements.returnDeliveries(true, consumers);
    }

    /** commit/rollback: only on an open transacted session, not from its completion listeners; waits for async sends. */
    private void checkTransactionControl(String method) throws JMSException {
        checkClosed();
        if (mode != SESSION_TRANSACTED) {
            throw new IllegalStateException(method + " is only allowed on a transacted session; this one has acknowledge mode " + mode);
        }
        checkNotInCompletionListener(method);
        dispatcher.awaitSendsComplete();
    }

    @Override
    public void recover() throws JMSException {
        checkClosed();
        if (mode == SESSION_TRANSACTED) {
            throw new IllegalStateException("recover() is not allowed on a transacted session; use rollback()");
        }
        acknowledgements.returnDeliveries(false, consumers);
    }

    /** {@code Message.acknowledge()}: in CLIENT_ACKNOWLEDGE mode acknowledges every message the session consumed so far. */
    void acknowledgeAll() throws JMSException {
        if (closed) {
            throw new IllegalStateException("acknowledge() called on a message of a closed session");
        }
        connection.checkClosed();
        if (mode == CLIENT_ACKNOWLEDGE) {
            acknowledgements.acknowledgeAll();
        }
    }

    /** A listener threw in AUTO/DUPS_OK mode: the message is redelivered at once (recovering the session). */
    void listenerFailed() throws JMSException {
        if (isAutoAcknowledging() && !closed) {
            acknowledgements.returnDeliveries(false, consumers);
        }
    }

    // ---- close ------------------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (dispatcher.isDeliveryThread(Thread.currentThread())) {
            throw new IllegalStateException("a MessageListener must not close its own session; that would deadlock");
        }
        checkNotInCompletionListener("close()");
        closeInternal();
    }

    /** Runs {@code step}; returns {@code failure}, or its failure (added to {@code failure} as suppressed when there is one). */
    private static JMSException runCollecting(JMSException failure, JmsCall.JmsAction step) {
        try {
            step.run();
        } catch (JMSException e) {
            if (failure == null) {
                return e;
            }
            failure.addSuppressed(e);
        }
        return failure;
    }

    /** Closes the session (also called by the connection's close): waits for its listener, async sends and acknowledgements. */
    void closeInternal() throws JMSException {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            dispatcher.shutdownDelivery();
            JMSException failure = runCollecting(null, dispatcher::awaitSendsComplete);
            failure = runCollecting(failure, transactedSends::forget);
            failure = runCollecting(failure, acknowledgements::awaitAcknowledged);
            closed = true;
            for (PetrelMessageConsumer consumer : consumers) {
                consumer.closedWithSession();
            }
            for (PetrelMessageProducer producer : producers) {
                producer.closedWithSession();
            }
            for (PetrelQueueBrowser browser : browsers) {
                browser.closedWithSession();
            }
            try {
                connection.broker().closeSession(id, acknowledgements.seenSnapshot());
            } finally {
                dispatcher.stopThreads();
                connection.sessionClosed(this);
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    // ---- listener delivery --------------------------------------------------------------------

    void connectionStarted() {
        for (PetrelMessageConsumer consumer : consumers) {
            consumer.scheduleBuffered();
        }
    }

    void awaitListenerIdle() {
        dispatcher.awaitListenerIdle();
    }

    void consumerClosed(PetrelMessageConsumer consumer) {
        consumers.remove(consumer);
    }

    void producerClosed(PetrelMessageProducer producer) {
        producers.remove(producer);
    }

    void browserClosed(PetrelQueueBrowser browser) {
        browsers.remove(browser);
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkClosed();
        return sessionListener;
    }

    /** The session-level listener is an application-server facility; Petrel stores it but never calls it. */
    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkClosed();
        this.sessionListener = listener;
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("Session.run() is an application-server facility (ServerSessionPool) that Petrel does not provide");
    }

    // ---- producers ---------------------------------------------------------------------------

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        return newProducer(destination);
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        return newProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        return newProducer(topic);
    }

    PetrelMessageProducer newProducer(Destination destination) throws JMSException {
        checkClosed();
        DestinationRef ref = null;
        if (destination != null) {
            ref = MessageBridge.toRef(destination);
            connection.broker().checkDestination(ref);
        }
        PetrelMessageProducer producer = new PetrelMessageProducer(this, destination, ref);
        producers.add(producer);
        return producer;
    }

    // ---- consumers ---------------------------------------------------------------------------

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector) throws JMSException {
        return createConsumer(destination, messageSelector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) throws JMSException {
        return newConsumer(destination, messageSelector, noLocal, null, false, false);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return newConsumer(queue, null, false, null, false, false);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String messageSelector) throws JMSException {
        return newConsumer(queue, messageSelector, false, null, false, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return newConsumer(topic, null, false, null, false, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String messageSelector, boolean noLocal) throws JMSException {
        return newConsumer(topic, messageSelector, noLocal, null, false, false);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) throws JMSException {
        return createSharedConsumer(topic, sharedSubscriptionName, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) throws JMSException {
        checkDomain(Domain.QUEUE, "createSharedConsumer");
        return newConsumer(topic, messageSelector, false, checkSubscriptionName(sharedSubscriptionName), false, true);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String messageSelector, boolean noLocal) throws JMSException {
        checkDomain(Domain.QUEUE, "createDurableSubscriber");
        return newConsumer(topic, messageSelector, noLocal, checkSubscriptionName(name), true, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) throws JMSException {
        return createDurableSubscriber(topic, name, messageSelector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) throws JMSException {
        checkDomain(Domain.QUEUE, "createSharedDurableConsumer");
        return newConsumer(topic, messageSelector, false, checkSubscriptionName(name), true, true);
    }

    private String checkSubscriptionName(String name) throws JMSException {
        checkClosed();
        if (name == null || name.isBlank()) {
            throw new JMSException("subscription name is " + (name == null ? "null" : "blank") + "; it must be a non-empty string");
        }
        return name;
    }

    PetrelMessageConsumer newConsumer(Destination destination, String selector, boolean noLocal,
                                      String subscriptionName, boolean durable, boolean shared) throws JMSException {
        checkClosed();
        if (destination == null) {
            throw new InvalidDestinationException("destination is null; a consumer needs a queue or topic");
        }
        DestinationRef ref = MessageBridge.toRef(destination);
        if (subscriptionName != null && ref.isQueueLike()) {
            throw new InvalidDestinationException(ref + " is not a topic; subscriptions are only on topics");
        }
        String normalizedSelector = selector == null || selector.isBlank() ? null : selector;
        if (normalizedSelector != null) {
            Selector.parse(normalizedSelector);
        }
        connection.checkConsumable(ref);
        if (!ref.isTemporary()) {
            connection.broker().checkDestination(ref);
        }
        long consumerId = connection.nextId();
        ConsumerSpec spec = new ConsumerSpec(ref, normalizedSelector, noLocal, subscriptionName, durable, shared, connection.prefetch());
        PetrelMessageConsumer consumer = new PetrelMessageConsumer(this, consumerId, destination, spec);
        consumers.add(consumer);
        connection.registerConsumer(consumer);
        try {
            connection.broker().createConsumer(id, consumerId, spec);
        } catch (JMSException | RuntimeException e) {
            consumers.remove(consumer);
            connection.unregisterConsumer(consumer);
            throw e;
        }
        return consumer;
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkDomain(Domain.QUEUE, "unsubscribe");
        checkSubscriptionName(name);
        for (PetrelMessageConsumer consumer : consumers) {
            if (name.equals(consumer.spec().subscriptionName()) && consumer.spec().durable() && !consumer.isClosed()) {
                throw new IllegalStateException("durable subscription '" + name + "' has an active consumer in this session; close it first");
            }
        }
        connection.broker().unsubscribe(name);
    }

    // ---- browsers ----------------------------------------------------------------------------

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) throws JMSException {
        checkDomain(Domain.TOPIC, "createBrowser");
        checkClosed();
        if (queue == null) {
            throw new InvalidDestinationException("queue is null; a browser needs a queue");
        }
        DestinationRef ref = MessageBridge.toRef(queue);
        String normalizedSelector = messageSelector == null || messageSelector.isBlank() ? null : messageSelector;
        if (normalizedSelector != null) {
            Selector.parse(normalizedSelector);
        }
        if (!ref.isTemporary()) {
            connection.broker().checkDestination(ref);
        }
        PetrelQueueBrowser browser = new PetrelQueueBrowser(this, queue, ref, normalizedSelector);
        browsers.add(browser);
        return browser;
    }

    // ---- destinations ------------------------------------------------------------------------

    @Override
    public Queue createQueue(String queueName) throws JMSException {
        checkDomain(Domain.TOPIC, "createQueue");
        checkClosed();
        MessageBridge.checkName(queueName, "queue");
        return MessageBridge.queue(queueName);
    }

    @Override
    public Topic createTopic(String topicName) throws JMSException {
        checkDomain(Domain.QUEUE, "createTopic");
        checkClosed();
        MessageBridge.checkName(topicName, "topic");
        return MessageBridge.topic(topicName);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkDomain(Domain.TOPIC, "createTemporaryQueue");
        checkClosed();
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkDomain(Domain.QUEUE, "createTemporaryTopic");
        checkClosed();
        return connection.createTemporaryTopic();
    }

    @Override
    public String toString() {
        return "PetrelSession[" + id + ", mode " + mode + (closed ? ", closed" : "") + "]";
    }
}
