package dev.petrel.broker;

import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.BrokerEndpoint;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.broker.security.Authorizer;
import dev.petrel.store.MessageStore;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker core: its store (or none), its destinations, its connections, and the shared threads.
 *
 * <p><b>Threading contract.</b> Each queue and subscription is owned by its own
 * {@link SerialExecutor} running on one shared pool sized for the machine; a timer thread only
 * posts wake-ups to them, and two pager threads read backlogs from the store and post the pages back. Client threads call {@link LocalConnection}, which posts commands to the
 * executors and waits on their futures — executors never wait on each other. Store write
 * completions run on the store writer thread and only post onward (never block it). Destination
 * bookkeeping (creating queues, subscriptions, client ids) happens under the {@link Destinations}
 * lock, which may wait for a store write but never for an executor. The client's
 * {@code ClientHandler} is called from the executors without any lock held.
 */
public final class Broker implements BrokerEndpoint, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    static final String VERSION = "0.1.0";

    private final BrokerConfig config;
    private final MessageStore store;
    private final Authenticator authenticator;
    private final Authorizer authorizer;
    private final ExecutorService pool;
    private final ScheduledExecutorService timer;
    private final ExecutorService pagerPool;
    private final Destinations destinations;
    private final XaTransactions xa;
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong queueIds = new AtomicLong();
    private final AtomicLong connectionIds = new AtomicLong();
    private final MessageMemory memory;
    private final Set<LocalConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final java.time.Instant startedAt = java.time.Instant.now();
    private final MessageRates rates = new MessageRates();
    private volatile dev.petrel.management.BrokerAdmin admin;

    /**
     * Creates and starts a broker: opens the store (null runs without one, messages in memory only)
     * and recovers its queues and durable subscriptions.
     */
    public Broker(BrokerConfig config, MessageStore store, Authenticator authenticator) throws StoreException, JMSException {
        this(config, store, authenticator, Authorizer.ALLOW_ALL);
    }

    /** As {@link #Broker(BrokerConfig, MessageStore, Authenticator)}, checking every client action with {@code authorizer}. */
    public Broker(BrokerConfig config, MessageStore store, Authenticator authenticator, Authorizer authorizer)
            throws StoreException, JMSException {
        this.config = config;
        this.store = store;
        this.authenticator = authenticator;
        this.authorizer = authorizer;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads("petrel-" + config.name() + "-dispatch"));
        this.timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("petrel-" + config.name() + "-timer"));
        this.pagerPool = Executors.newFixedThreadPool(2, daemonThreads("petrel-" + config.name() + "-pager"));
        this.memory = new MessageMemory(config.name(), config.memoryLimitBytes(), config.memoryWaitMillis(), timer);
        this.destinations = new Destinations(this);
        this.xa = new XaTransactions(this);
        if (store != null) {
            try {
                Recovery recovery = store.open();
                messageIds.set(recovery.maxMessageId());
                queueIds.set(recovery.maxQueueId());
                xa.recover(recovery);
                destinations.recover(recovery);
            } catch (StoreException | JMSException | RuntimeException e) {
                pool.shutdownNow();
                timer.shutdownNow();
                pagerPool.shutdownNow();
                throw e;
            }
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public String name() {
        return config.name();
    }

    @Override
    public BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException {
        LocalConnection connection = (LocalConnection) connect(request.username(), request.password(), handler);
        if (request.uri() != null && !"vm".equals(request.uri().getScheme())) {
            connection.remote = true;
            if (request.uri().getHost() != null && request.uri().getPort() >= 0) {
                connection.remoteAddress = request.uri().getHost() + ":" + request.uri().getPort();
            }
        }
        return connection;
    }

    /** Authenticates and opens a connection whose callbacks go to {@code handler}. */
    public BrokerConnection connect(String username, String password, ClientHandler handler) throws JMSException {
        if (closed.get()) {
            throw new jakarta.jms.IllegalStateException("broker '" + config.name() + "' is closed");
        }
        authenticator.authenticate(username, password);
        LocalConnection connection = new LocalConnection(this, config.name() + "-" + connectionIds.incrementAndGet(), handler);
        connection.user = username;
        connections.add(connection);
        return connection;
    }

    BrokerConfig config() {
        return config;
    }

    Authorizer authorizer() {
        return authorizer;
    }

    /**
     * Creates the queue {@code name} unless it exists, whatever the auto-creation setting: for
     * queues declared in the broker's configuration.
     */
    public void declareQueue(String name) throws JMSException {
        destinations.internalQueue(name);
    }

    /**
     * The management API over this broker (one instance, created on first use): what the admin
     * console shows and does. Thread-safe.
     */
    public dev.petrel.management.BrokerAdmin admin() {
        dev.petrel.management.BrokerAdmin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = new dev.petrel.broker.admin.BrokerAdministration(new ManagementAccess(this));
                }
                current = admin;
            }
        }
        return current;
    }

    java.time.Instant startedAt() {
        return startedAt;
    }

    MessageRates rates() {
        return rates;
    }

    /** The open connections, for management. */
    List<LocalConnection> openConnections() {
        return new ArrayList<>(connections);
    }

    /** The highest message id handed out so far. */
    long lastMessageId() {
        return messageIds.get();
    }

    /** A fresh message id. */
    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    /** The store, or null when the broker runs without one. */
    MessageStore store() {
        return store;
    }

    ExecutorService pool() {
        return pool;
    }

    /** Where queues read their backlog from the store, off their executors. */
    ExecutorService pagerPool() {
        return pagerPool;
    }

    Destinations destinations() {
        return destinations;
    }

    /**
     * The xids of the XA branches prepared and waiting for their outcome (in doubt), for operators
     * (the console) and transaction managers' recovery.
     */
    public List<dev.petrel.protocol.PetrelXid> inDoubtTransactions() {
        return xa.recover();
    }

    /** The XA transaction branches. */
    XaTransactions xa() {
        return xa;
    }

    /** Reserves heap for messages that cannot be paged, at once or not at all (no waiting). */
    boolean tryReserveMemory(long bytes) {
        return memory.tryReserve(bytes);
    }

    long nextQueueId() {
        return queueIds.incrementAndGet();
    }

    long memoryUsed() {
        return memory.used();
    }

    /** Counts heap taken (positive) or freed (negative) by messages; freeing may admit held sends. */
    void addMemory(long bytes) {
        memory.add(bytes);
    }

    void connectionClosed(LocalConnection connection) {
        connections.remove(connection);
    }

    /** Runs {@code task} (which must only post) at {@code epochMillis}. */
    void wakeUpAt(long epochMillis, Runnable task) {
        long delay = Math.max(0, epochMillis - System.currentTimeMillis());
        try {
            timer.schedule(task, delay + 1, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("broker '{}' is closing: wake-up not scheduled", config.name());
        }
    }

    /** Writes a batch (a completed future when it is empty or there is no store). */
    CompletableFuture<Void> write(StoreBatch batch) {
        return write(batch, false);
    }

    /** {@link #write}; {@code callerWaits}: the caller blocks on the result (see {@link MessageStore#writeForWaitingCaller}). */
    private CompletableFuture<Void> write(StoreBatch batch, boolean callerWaits) {
        if (batch.isEmpty() || store == null) {
            return CompletableFuture.completedFuture(null);
        }
        return callerWaits ? store.writeForWaitingCaller(batch) : store.write(batch);
    }

    /** A new entry for {@code target} with a fresh message id; adds its store operations to {@code batch}. */
    QueueEntry newEntry(MessageData message, MessageQueue target, StoreBatch batch) {
        long id = messageIds.incrementAndGet();
        boolean stored = store != null && message.isPersistent() && target.isStored();
        if (stored) {
            batch.add(new StoreOperation.AddMessage(id, MessageCodec.encode(message)));
            batch.add(new StoreOperation.AddReference(target.storeQueueId, id, message.priority(), 0));
        }
        return new QueueEntry(id, message, stored, 0);
    }

    /**
     * Makes sends visible and acknowledgements final, atomically in one store batch: persistent
     * sends to stored queues are written once with a reference per queue, acknowledged stored
     * entries lose their reference. Completes after the batch is durable and the messages are
     * handed to their queues. Runs on the caller's thread; the continuation only posts.
     */
    CompletableFuture<Void> commitWork(LocalConnection publisher, List<MessageData> sends, List<DeliveryRecord> acks) {
        return commitWork(publisher, sends, acks, false);
    }

    /** {@link #commitWork}; {@code callerWaits}: the caller blocks until the returned future completes. */
    CompletableFuture<Void> commitWork(LocalConnection publisher, List<MessageData> sends, List<DeliveryRecord> acks,
                                       boolean callerWaits) {
        StoreBatch batch = new StoreBatch();
        List<Runnable> visible = new ArrayList<>();
        long unpageable = 0;
        try {
            for (MessageData message : sends) {
                List<MessageQueue> targets = destinations.targetsOf(message, publisher);
                long id = messageIds.incrementAndGet();
                boolean written = false;
                for (MessageQueue target : targets) {
                    boolean stored = store != null && message.isPersistent() && target.isStored();
                    if (stored && !written) {
                        batch.add(new StoreOperation.AddMessage(id, MessageCodec.encode(message)));
                        written = true;
                    }
                    QueueEntry entry = new QueueEntry(id, message, stored, 0);
                    if (stored) {
                        batch.add(new StoreOperation.AddReference(target.storeQueueId, id, message.priority(), 0));
                    } else {
                        entry.reserved = true;
                        unpageable += entry.size;
                    }
                    visible.add(() -> target.enqueue(entry));
                }
            }
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
        long reservedBytes = unpageable;
        Map<MessageQueue, List<QueueEntry>> acked = new LinkedHashMap<>();
        for (DeliveryRecord ack : acks) {
            if (ack.entry().stored) {
                batch.add(new StoreOperation.RemoveReference(ack.queue().storeQueueId, ack.entry().id));
            }
            acked.computeIfAbsent(ack.queue(), q -> new ArrayList<>()).add(ack.entry());
        }
        if (unpageable > 0) {
            return memory.reserve(unpageable, "a send of " + sends.size() + " message(s) that cannot be paged to the"
                    + " store (non-persistent, or no store)").thenCompose(
                    reserved -> persistAndPublish(batch, visible, acked, reservedBytes, sends.size(), acks.size(),
                            callerWaits));
        }
        return persistAndPublish(batch, visible, acked, 0, sends.size(), acks.size(), callerWaits);
    }

    /** Writes the batch; once durable makes the sends visible and settles the acknowledgements. */
    private CompletableFuture<Void> persistAndPublish(StoreBatch batch, List<Runnable> visible,
                                                      Map<MessageQueue, List<QueueEntry>> acked, long reservedBytes,
                                                      int sends, int acks, boolean callerWaits) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        write(batch, callerWaits).whenComplete((ignored, failure) -> {
            if (failure != null) {
                memory.add(-reservedBytes);
                done.completeExceptionally(StoreFailures.toJmsException(failure));
            } else {
                rates.record(sends, acks);
                visible.forEach(Runnable::run);
                acked.forEach(MessageQueue::acknowledged);
                done.complete(null);
            }
        });
        return done;
    }

    /**
     * Closes every connection (telling each client through {@code ClientHandler.connectionFailed}, so its
     * ExceptionListener hears of it), finishes store writes, closes the store. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (LocalConnection connection : new ArrayList<>(connections)) {
            connection.close();
            connection.handler().connectionFailed(
                    new JMSException("broker '" + config.name() + "' was shut down; the connection is closed"));
        }
        memory.close();
        timer.shutdownNow();
        pagerPool.shutdown();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("broker '{}': dispatch threads still busy after 10 s; stopping them", config.name());
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        try {
            pagerPool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("broker '{}' closed", config.name());
    }
}
