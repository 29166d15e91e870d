package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.Delivery;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JMS connection over one {@link BrokerConnection}; also the {@link ClientHandler} the broker calls
 * back, routing each delivery to its consumer's buffer.
 *
 * <p>Thread-safety: all methods may be called from any thread (JMS allows concurrent use of a
 * connection). The broker's callbacks never block. {@link #stop()} and {@link #close()} wait for
 * running message listeners and are refused ({@code IllegalStateException}) from a listener or a
 * completion listener of this connection.
 */
public class PetrelConnection implements jakarta.jms.Connection, QueueConnection, TopicConnection, ClientHandler,
        TemporaryDestinationOwner {

    private static final Logger LOG = LoggerFactory.getLogger(PetrelConnection.class);

    /**
     * Per-connection settings from the factory: an administratively configured client id (or null),
     * the consumers' prefetch, and whether non-persistent sends outside a transaction wait for the broker.
     */
    public record Settings(String clientId, int prefetch, boolean blockOnNonPersistentSend) {
    }

    private final Settings settings;
    private final Object stateLock = new Object();
    private final Map<Long, PetrelSession> sessions = new ConcurrentHashMap<>();
    private final Map<Long, PetrelMessageConsumer> consumers = new ConcurrentHashMap<>();
    private final Set<DestinationRef> temporaryDestinations = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong temporaryCounter = new AtomicLong();
    private final AtomicLong messageCounter = new AtomicLong();
    private final String messageIdPrefix = "ID:" + UUID.randomUUID() + ":";

    private volatile BrokerConnection broker;
    private volatile String clientId;
    private volatile boolean clientIdLocked;
    private volatile boolean started;
    private volatile boolean closed;
    private volatile ExceptionListener exceptionListener;
    private volatile JMSException failure;

    PetrelConnection(Settings settings) {
        this.settings = settings;
    }

    /** Connects through {@code transport}, then sets the configured client id, if any. */
    static PetrelConnection connect(TransportFactory transport, ConnectRequest request, Settings settings) throws JMSException {
        PetrelConnection connection = new PetrelConnection(settings);
        BrokerConnection broker = transport.connect(request, connection);
        connection.attach(broker);
        return connection;
    }

    /** Binds this connection to its broker connection and applies the configured client id. */
    void attach(BrokerConnection brokerConnection) throws JMSException {
        this.broker = brokerConnection;
        if (settings.clientId() != null && !settings.clientId().isEmpty()) {
            try {
                brokerConnection.setClientId(settings.clientId());
            } catch (JMSException e) {
                brokerConnection.close();
                throw e;
            }
            clientId = settings.clientId();
            clientIdLocked = true;
        }
    }

    BrokerConnection broker() {
        return broker;
    }

    boolean blockOnNonPersistentSend() {
        return settings.blockOnNonPersistentSend();
    }

    int prefetch() {
        return settings.prefetch();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    /**
     * A new unique {@code JMSMessageID}: {@code ID:} + a random prefix chosen for this connection + a
     * counter. The broker's connection id alone would repeat after a broker restart.
     */
    String nextMessageId() {
        return messageIdPrefix + messageCounter.incrementAndGet();
    }

    boolean isStarted() {
        return started;
    }

    boolean isClosed() {
        return closed;
    }

    /** Why the broker connection was lost, or null while it is fine. */
    JMSException failure() {
        return failure;
    }

    void checkClosed() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("connection");
        }
    }

    /** Any action other than setting the client id fixes it: setClientID is refused afterwards. */
    void markUsed() {
        clientIdLocked = true;
    }

    // ---- sessions -------------------------------------------------------------------------

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return newSession(sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode).asDomain(PetrelSession.Domain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return newSession(transacted ? Session.SESSION_TRANSACTED : acknowledgeMode).asDomain(PetrelSession.Domain.TOPIC);
    }

    PetrelSession newSession(int sessionMode) throws JMSException {
        checkClosed();
        if (sessionMode < Session.SESSION_TRANSACTED || sessionMode > Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("session mode " + sessionMode + " is not valid; expected SESSION_TRANSACTED (0), "
                    + "AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2) or DUPS_OK_ACKNOWLEDGE (3)");
        }
        markUsed();
        long id = nextId();
        broker.createSession(id, sessionMode);
        PetrelSession session = new PetrelSession(this, id, sessionMode);
        sessions.put(id, session);
        if (closed) {
            session.close();
            throw JmsExceptions.closed("connection");
        }
        return session;
    }

    void sessionClosed(PetrelSession session) {
        sessions.remove(session.id());
    }

    /** This connection's open consumers (for tests). */
    java.util.List<PetrelMessageConsumer> consumersForTest() {
        return new ArrayList<>(consumers.values());
    }

    void registerConsumer(PetrelMessageConsumer consumer) {
        consumers.put(consumer.id(), consumer);
    }

    void unregisterConsumer(PetrelMessageConsumer consumer) {
        consumers.remove(consumer.id());
    }

    // ---- client id, listener, metadata ------------------------------------------------------

    @Override
    public String getClientID() throws JMSException {
        checkClosed();
        return clientId;
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        checkClosed();
        synchronized (stateLock) {
            if (settings.clientId() != null && !settings.clientId().isEmpty()) {
                throw new IllegalStateException("the client id is already '" + clientId
                        + "', configured on the connection factory; it cannot be changed");
            }
            if (clientIdLocked) {
                throw new IllegalStateException("setClientID must be called before any other action on the connection"
                        + (clientId == null ? "" : "; the client id is already '" + clientId + "'"));
            }
            if (clientID == null || clientID.isEmpty()) {
                throw new InvalidClientIDException("client id is " + (clientID == null ? "null" : "empty")
                        + "; it must be a non-empty string");
            }
            broker.setClientId(clientID);
            clientId = clientID;
            clientIdLocked = true;
        }
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkClosed();
        return new PetrelConnectionMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkClosed();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkClosed();
        this.exceptionListener = listener;
    }

    // ---- start, stop, close -----------------------------------------------------------------

    @Override
    public void start() throws JMSException {
        checkClosed();
        markUsed();
        synchronized (stateLock) {
            if (started) {
                return;
            }
            started = true;
        }
        for (PetrelSession session : sessions.values()) {
            session.connectionStarted();
        }
    }

    @Override
    public void stop() throws JMSException {
        checkClosed();
        markUsed();
        if (onCallbackThread()) {
            throw new IllegalStateException("stop() called from a MessageListener or CompletionListener of this connection;"
                    + " that would deadlock");
        }
        synchronized (stateLock) {
            started = false;
        }
        for (PetrelSession session : sessions.values()) {
            session.awaitListenerIdle();
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (onCallbackThread()) {
            throw new IllegalStateException("close() called from a MessageListener or CompletionListener of this connection;"
                    + " that would deadlock");
        }
        synchronized (stateLock) {
            if (closed) {
                return;
            }
            started = false;
            closed = true;
        }
        for (PetrelSession session : new ArrayList<>(sessions.values())) {
            try {
                session.closeInternal();
            } catch (JMSException e) {
                // The broker connection may already be gone (broker stopped, connection failed): closing it
                // below releases whatever the session still held, so the application's close succeeds.
                LOG.warn("{}: closing session {} at the broker failed ({}); the connection close releases it",
                        this, session.id(), e.getMessage(), e);
            }
        }
        temporaryDestinations.clear();
        broker.close();
    }

    /** True when the calling thread runs a message listener or completion listener of one of this connection's sessions. */
    boolean onCallbackThread() {
        Thread current = Thread.currentThread();
        for (PetrelSession session : sessions.values()) {
            if (session.isCallbackThread(current)) {
                return true;
            }
        }
        return false;
    }

    // ---- temporary destinations -------------------------------------------------------------

    TemporaryQueue createTemporaryQueue() throws JMSException {
        DestinationRef ref = createTemporary(DestinationRef.Kind.TEMPORARY_QUEUE);
        return MessageBridge.temporaryQueue(ref.name(), this);
    }

    TemporaryTopic createTemporaryTopic() throws JMSException {
        DestinationRef ref = createTemporary(DestinationRef.Kind.TEMPORARY_TOPIC);
        return MessageBridge.temporaryTopic(ref.name(), this);
    }

    private DestinationRef createTemporary(DestinationRef.Kind kind) throws JMSException {
        checkClosed();
        String prefix = kind == DestinationRef.Kind.TEMPORARY_QUEUE ? "TQ." : "TT.";
        DestinationRef ref = new DestinationRef(kind, prefix + broker.info().connectionId() + "." + temporaryCounter.incrementAndGet());
        broker.createTemporaryDestination(ref);
        temporaryDestinations.add(ref);
        return ref;
    }

    /** Deletes one of this connection's temporary destinations ({@code TemporaryQueue.delete()}). */
    @Override
    public void deleteTemporaryDestination(PetrelDestination destination) throws JMSException {
        checkClosed();
        DestinationRef ref = destination.ref();
        for (PetrelMessageConsumer consumer : consumers.values()) {
            if (consumer.destinationRef().equals(ref) && !consumer.isClosed()) {
                throw new IllegalStateException(ref + " still has a consumer of this connection; close it before deleting");
            }
        }
        broker.deleteTemporaryDestination(ref);
        temporaryDestinations.remove(ref);
    }

    /** Whether {@code ref} is a temporary destination created by this connection (and not deleted). */
    public boolean ownsTemporaryDestination(DestinationRef ref) {
        return temporaryDestinations.contains(ref);
    }

    /** Consumers of a temporary destination may only be created by the connection that created it. */
    void checkConsumable(DestinationRef ref) throws InvalidDestinationException {
        if (ref.isTemporary() && !temporaryDestinations.contains(ref)) {
            throw new InvalidDestinationException(ref + " was created by another connection or was deleted;"
                    + " only its own connection may consume from a temporary destination");
        }
    }

    // ---- connection consumers (application server facility) ----------------------------------

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw notSupported("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw notSupported("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String messageSelector,
                                                       ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw notSupported("createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                             ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw notSupported("createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                              ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw notSupported("createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String subscriptionName, String messageSelector,
                                                                    ServerSessionPool sessionPool, int maxMessages) throws JMSException {
        throw notSupported("createSharedDurableConnectionConsumer");
    }

    private JMSException notSupported(String method) throws JMSException {
        checkClosed();
        return new JMSException(method + " is not supported: connection consumers and ServerSessionPool are an optional"
                + " application-server facility that Petrel does not provide; use a MessageListener or the resource adapter");
    }

    // ---- ClientHandler ----------------------------------------------------------------------

    @Override
    public void deliver(Delivery delivery) {
        PetrelMessageConsumer consumer = consumers.get(delivery.consumerId());
        if (consumer == null) {
            LOG.warn("delivery {} for consumer {} which this connection no longer has; it stays with the broker's session",
                    delivery.deliveryId(), delivery.consumerId());
            return;
        }
        consumer.enqueue(delivery);
    }

    @Override
    public void consumerClosed(long consumerId, JMSException reason) {
        PetrelMessageConsumer consumer = consumers.get(consumerId);
        if (consumer != null) {
            consumer.closedByBroker(reason);
        }
    }

    @Override
    public void connectionFailed(JMSException cause) {
        if (closed) {
            return;
        }
        failure = cause;
        for (PetrelMessageConsumer consumer : consumers.values()) {
            consumer.wakeReceivers();
        }
        ExceptionListener listener = exceptionListener;
        if (listener == null) {
            LOG.warn("connection {} failed and has no ExceptionListener", broker == null ? "?" : broker.info().connectionId(), cause);
            return;
        }
        Thread notifier = new Thread(() -> listener.onException(cause), "petrel-exception-listener");
        notifier.setDaemon(true);
        notifier.start();
    }

    @Override
    public String toString() {
        return "PetrelConnection[" + (broker == null ? "?" : broker.info().connectionId()) + (clientId == null ? "" : ", " + clientId) + "]";
    }
}
