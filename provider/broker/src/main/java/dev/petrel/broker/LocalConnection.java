package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.selector.Selector;
import dev.petrel.broker.security.Action;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker side of one client connection: the {@link BrokerConnection} the in-VM transport hands
 * to the client (and the TCP handler will call).
 *
 * <p>Threading: any client thread may call any method. Blocking methods post commands to queue
 * executors and wait for them (see {@link Broker}); they never hold a lock while waiting.
 */
final class LocalConnection implements BrokerConnection {
    private static final Logger LOG = LoggerFactory.getLogger(LocalConnection.class);

    record ConsumerHandle(SessionState session, MessageQueue queue, ConsumerSpec spec, Subscriber subscriber) {
    }

    private final Broker broker;
    private final ConnectionInfo info;
    private final ClientHandler handler;
    private final AtomicLong deliveryIds = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Map<Long, SessionState> sessions = new ConcurrentHashMap<>();
    private final Map<Long, ConsumerHandle> consumers = new ConcurrentHashMap<>();
    private final Map<Long, BrowserCursor> browsers = new ConcurrentHashMap<>();
    private final Set<DestinationRef> temporaries = ConcurrentHashMap.newKeySet();
    private volatile String clientId;
    /** For management: where the client connects from ({@code vm} in-VM), its user, when. */
    volatile String remoteAddress = "vm";
    /** Served by the TCP server (its requests arrive on an event loop), not called by an in-VM client. */
    volatile boolean remote;
    volatile String user;
    final java.time.Instant connectedAt = java.time.Instant.now();

    LocalConnection(Broker broker, String connectionId, ClientHandler handler) {
        this.broker = broker;
        this.info = new ConnectionInfo(connectionId, broker.name(), Broker.VERSION);
        this.handler = handler;
    }

    ClientHandler handler() {
        return handler;
    }

    String clientId() {
        return clientId;
    }

    long nextDeliveryId() {
        return deliveryIds.incrementAndGet();
    }

    @Override
    public ConnectionInfo info() {
        return info;
    }

    private void checkOpen() throws JMSException {
        if (closed.get()) {
            throw new IllegalStateException("connection " + info.connectionId() + " is closed");
        }
    }

    /**
     * Asks the broker's authorizer whether this connection's user may perform {@code action} on
     * {@code destination}, and may administer it when the action would create it. Temporary
     * destinations are checked only at creation.
     */
    private void authorize(Action action, DestinationRef destination) throws JMSException {
        if (destination.isTemporary()) {
            return;
        }
        broker.authorizer().authorize(user, action, destination.name());
        if (!broker.destinations().exists(destination)) {
            broker.authorizer().authorize(user, Action.ADMINISTER, destination.name());
        }
    }

    private SessionState session(long sessionId) throws JMSException {
        checkOpen();
        SessionState session = sessions.get(sessionId);
        if (session == null) {
            throw new IllegalStateException("session " + sessionId + " of connection " + info.connectionId() + " is closed or was never created");
        }
        return session;
    }

    @Override
    public void setClientId(String id) throws JMSException {
        checkOpen();
        synchronized (this) {
            if (clientId != null) {
                throw new IllegalStateException("connection " + info.connectionId() + " already has client id '" + clientId + "'");
            }
            broker.destinations().claimClientId(id, this);
            clientId = id;
        }
    }

    @Override
    public void createSession(long sessionId, int acknowledgeMode) throws JMSException {
        checkOpen();
        if (sessions.putIfAbsent(sessionId, new SessionState(sessionId, acknowledgeMode == Session.SESSION_TRANSACTED)) != null) {
            throw new IllegalStateException("session id " + sessionId + " is already in use on connection " + info.connectionId());
        }
    }

    @Override
    public void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException {
        SessionState session = session(sessionId);
        closeSessionNow(session, seenByApplication);
    }

    private void closeSessionNow(SessionState session, List<Long> seen) throws JMSException {
        sessions.remove(session.id);
        if (session.branch != null) {
            broker.xa().sessionClosed(session);
        }
        List<DeliveryRecord> held = session.close();
        for (Long consumerId : new ArrayList<>(session.consumerIds)) {
            ConsumerHandle consumer = consumers.remove(consumerId);
            if (consumer != null) {
                detach(consumerId, consumer);
            }
        }
        for (Long browserId : session.browserIds) {
            browsers.remove(browserId);
        }
        Set<Long> seenIds = seen == null ? Set.of() : new HashSet<>(seen);
        List<DeliveryRecord> seenRecords = new ArrayList<>();
        List<DeliveryRecord> unseenRecords = new ArrayList<>();
        for (DeliveryRecord d : held) {
            (seenIds.contains(d.deliveryId()) ? seenRecords : unseenRecords).add(d);
        }
        giveBack(seenRecords, true);
        giveBack(unseenRecords, false);
    }

    private void detach(long consumerId, ConsumerHandle consumer) throws JMSException {
        consumer.queue().removeConsumer(consumer.subscriber()).join();
        consumer.session().consumerIds.remove(consumerId);
        broker.destinations().detach(consumer.queue());
    }

    /** Returns deliveries to their queues and waits until they are back. */
    static void giveBack(List<DeliveryRecord> deliveries, boolean seen) {
        Map<MessageQueue, List<QueueEntry>> byQueue = new LinkedHashMap<>();
        for (DeliveryRecord d : deliveries) {
            byQueue.computeIfAbsent(d.queue(), q -> new ArrayList<>()).add(d.entry());
        }
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        byQueue.forEach((queue, entries) -> pending.add(queue.returnEntries(entries, seen)));
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public CompletionStage<Void> send(long sessionId, MessageData message) {
        return send(sessionId, message, false);
    }

    /** A synchronous send: the broker's work (and the store's, when it is idle) runs in this thread. */
    @Override
    public void sendAndWait(long sessionId, MessageData message) throws JMSException {
        await(send(sessionId, message, true), "send");
    }

    /** {@code callerWaits}: the caller blocks on the result, so the store may write in its thread. */
    private CompletableFuture<Void> send(long sessionId, MessageData message, boolean callerWaits) {
        try {
            SessionState session = session(sessionId);
            authorize(Action.SEND, message.destination());
            XaBranch branch = session.branch;
            if (branch != null) {
                broker.destinations().check(message.destination());
                broker.xa().buffer(branch, message, this);
                return CompletableFuture.completedFuture(null);
            }
            if (session.transacted) {
                broker.destinations().check(message.destination());
                session.buffer(message);
                return CompletableFuture.completedFuture(null);
            }
            return broker.commitWork(this, List.of(message), List.of(), callerWaits);
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void createConsumer(long sessionId, long consumerId, ConsumerSpec spec) throws JMSException {
        SessionState session = session(sessionId);
        if (consumers.containsKey(consumerId)) {
            throw new IllegalStateException("consumer id " + consumerId + " is already in use on connection " + info.connectionId());
        }
        authorize(Action.CONSUME, spec.destination());
        if (spec.durable()) {
            authorize(Action.CREATE_DURABLE, spec.destination());
        }
        Selector selector = Destinations.compile(spec.selector());
        MessageQueue queue;
        Selector consumerSelector;
        if (spec.destination().isQueueLike()) {
            queue = broker.destinations().attachToQueue(spec.destination(), this);
            consumerSelector = selector;
        } else {
            queue = broker.destinations().subscribe(this, spec, selector);
            consumerSelector = null;
        }
        Subscriber subscriber = new Subscriber(consumerId, this, session, consumerSelector, spec.prefetch());
        consumers.put(consumerId, new ConsumerHandle(session, queue, spec, subscriber));
        session.consumerIds.add(consumerId);
        queue.addConsumer(subscriber).join();
    }

    @Override
    public void closeConsumer(long consumerId, List<Long> notSeen) throws JMSException {
        checkOpen();
        ConsumerHandle consumer = consumers.remove(consumerId);
        if (consumer == null) {
            throw new IllegalStateException("consumer " + consumerId + " of connection " + info.connectionId() + " is closed or was never created");
        }
        detach(consumerId, consumer);
        giveBack(consumer.session().take(notSeen), false);
    }

    @Override
    public void grantCredit(long consumerId, int messages) {
        ConsumerHandle consumer = consumers.get(consumerId);
        if (consumer == null) {
            LOG.debug("credit for consumer {} of connection {} ignored: it is closed", consumerId, info.connectionId());
            return;
        }
        consumer.queue().grantCredit(consumer.subscriber(), messages);
    }

    @Override
    public boolean pull(long consumerId) throws JMSException {
        checkOpen();
        ConsumerHandle consumer = consumers.get(consumerId);
        if (consumer == null) {
            throw new IllegalStateException("consumer " + consumerId + " of connection " + info.connectionId() + " is closed or was never created");
        }
        return consumer.queue().pull(consumer.subscriber()).join();
    }

    @Override
    public CompletionStage<Void> acknowledgeAsync(long sessionId, List<Long> deliveryIds) {
        try {
            SessionState session = session(sessionId);
            List<DeliveryRecord> acked = session.take(deliveryIds);
            XaBranch branch = session.branch;
            if (branch != null) {
                broker.xa().acknowledge(branch, acked);
                return CompletableFuture.completedFuture(null);
            }
            return broker.commitWork(this, List.of(), acked, callerWaitsForAcknowledgements());
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
    }


    /**
     * An in-VM client's thread waits for its acknowledgement before its next message, so the store may
     * write it in that thread; a remote client's acknowledgement is served on the TCP server's event
     * loop, which must never wait for the disk.
     */
    private boolean callerWaitsForAcknowledgements() {
        return !remote;
    }

    @Override
    public void commit(long sessionId, List<Long> consumed) throws JMSException {
        SessionState session = session(sessionId);
        if (!session.transacted) {
            throw new IllegalStateException("session " + sessionId + " is not transacted: commit is not allowed");
        }
        List<MessageData> sends = session.drainSends();
        List<DeliveryRecord> acked = session.take(consumed);
        try {
            await(broker.commitWork(this, sends, acked, true), "commit");
        } catch (JMSException failure) {
            giveBack(acked, true);
            TransactionRolledBackException rolledBack = new TransactionRolledBackException(
                    "commit of session " + sessionId + " failed and was rolled back: " + failure.getMessage());
            rolledBack.setLinkedException(failure);
            rolledBack.initCause(failure);
            throw rolledBack;
        }
    }

    @Override
    public void rollback(long sessionId, List<Long> consumed, List<Long> notSeen) throws JMSException {
        SessionState session = session(sessionId);
        if (!session.transacted) {
            throw new IllegalStateException("session " + sessionId + " is not transacted: rollback is not allowed");
        }
        session.drainSends();
        giveBack(session.take(consumed), true);
        giveBack(session.take(notSeen), false);
    }

    @Override
    public void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) throws JMSException {
        SessionState session = session(sessionId);
        giveBack(session.take(unacknowledged), true);
        giveBack(session.take(notSeen), false);
    }

    @Override
    public void xaStart(long sessionId, PetrelXid xid, int flags, int timeoutSeconds) throws JMSException {
        SessionState session = session(sessionId);
        if (session.transacted) {
            throw XaTransactions.failure(javax.transaction.xa.XAException.XAER_PROTO, "session " + sessionId
                    + " is locally transacted: it cannot take part in an XA transaction");
        }
        broker.xa().start(session, xid, flags, timeoutSeconds);
    }

    @Override
    public void xaEnd(long sessionId, PetrelXid xid, int flags) throws JMSException {
        checkOpen();
        SessionState session = sessions.get(sessionId);
        if (session == null) {
            broker.xa().endAfterClose(xid, flags);
        } else {
            broker.xa().end(session, xid, flags);
        }
    }

    @Override
    public int xaPrepare(PetrelXid xid) throws JMSException {
        checkOpen();
        return broker.xa().prepare(xid);
    }

    @Override
    public void xaCommit(PetrelXid xid, boolean onePhase) throws JMSException {
        checkOpen();
        broker.xa().commit(xid, onePhase);
    }

    @Override
    public void xaRollback(PetrelXid xid) throws JMSException {
        checkOpen();
        broker.xa().rollback(xid);
    }

    @Override
    public List<PetrelXid> xaRecover() throws JMSException {
        checkOpen();
        return broker.xa().recover();
    }

    @Override
    public void xaForget(PetrelXid xid) throws JMSException {
        checkOpen();
        broker.xa().forget(xid);
    }

    @Override
    public void unsubscribe(String subscriptionName) throws JMSException {
        checkOpen();
        broker.destinations().unsubscribe(clientId, subscriptionName);
    }

    @Override
    public void createTemporaryDestination(DestinationRef destination) throws JMSException {
        checkOpen();
        broker.authorizer().authorize(user, Action.CREATE_TEMPORARY, destination.name());
        broker.destinations().createTemporary(destination, this);
        temporaries.add(destination);
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination) throws JMSException {
        checkOpen();
        broker.destinations().deleteTemporary(destination, this, false);
        temporaries.remove(destination);
    }

    @Override
    public void checkDestination(DestinationRef destination) throws JMSException {
        checkOpen();
        if (!destination.isTemporary() && !broker.destinations().exists(destination)) {
            broker.authorizer().authorize(user, Action.ADMINISTER, destination.name());
        }
        broker.destinations().check(destination);
    }

    @Override
    public void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) throws JMSException {
        SessionState session = session(sessionId);
        if (!queue.isQueueLike()) {
            throw new InvalidDestinationException("a browser needs a queue, not " + queue);
        }
        authorize(Action.BROWSE, queue);
        Selector compiled = Destinations.compile(selector);
        MessageQueue target = broker.destinations().queue(queue, true);
        BrowserCursor cursor = target.browse(compiled).join();
        if (browsers.putIfAbsent(browserId, cursor) != null) {
            throw new IllegalStateException("browser id " + browserId + " is already in use on connection " + info.connectionId());
        }
        session.browserIds.add(browserId);
    }

    @Override
    public List<MessageData> browseNext(long browserId, int max) throws JMSException {
        checkOpen();
        BrowserCursor cursor = browsers.get(browserId);
        if (cursor == null) {
            throw new IllegalStateException("browser " + browserId + " of connection " + info.connectionId() + " is closed or was never opened");
        }
        return cursor.next(max);
    }

    @Override
    public void closeBrowser(long browserId) throws JMSException {
        checkOpen();
        if (browsers.remove(browserId) == null) {
            throw new IllegalStateException("browser " + browserId + " of connection " + info.connectionId() + " is closed or was never opened");
        }
    }

    /** Open sessions, for management. */
    int sessionCount() {
        return sessions.size();
    }

    /** Open consumers by id, for management (a live view). */
    Map<Long, ConsumerHandle> consumerHandles() {
        return consumers;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (SessionState session : new ArrayList<>(sessions.values())) {
            try {
                closeSessionNow(session, List.of());
            } catch (JMSException e) {
                LOG.warn("connection {}: closing session {} failed: {}", info.connectionId(), session.id, e.getMessage(), e);
            }
        }
        for (DestinationRef temporary : new ArrayList<>(temporaries)) {
            try {
                broker.destinations().deleteTemporary(temporary, this, true);
            } catch (JMSException e) {
                LOG.warn("connection {}: deleting {} failed: {}", info.connectionId(), temporary, e.getMessage(), e);
            }
        }
        temporaries.clear();
        broker.destinations().releaseClientId(clientId);
        broker.connectionClosed(this);
    }

    private static void await(CompletableFuture<Void> work, String what) throws JMSException {
        try {
            work.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JMSException jms) {
                throw jms;
            }
            JMSException failure = new JMSException(what + " failed: " + cause);
            failure.setLinkedException(cause instanceof Exception ex ? ex : e);
            failure.initCause(cause);
            throw failure;
        }
    }
}
