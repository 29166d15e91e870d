package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.Delivery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A queue, or one subscription of a topic: its messages in delivery order, its consumers, and its
 * dispatch loop.
 *
 * <p><b>Threading.</b> Every mutable field below the {@code executor} is owned by this queue's
 * {@link SerialExecutor}: the package-visible methods only post a command to it (some return a
 * future that completes when the command has run). Commands never block on another executor;
 * they post to other queues, hand store reads to the broker's pager threads, and call
 * {@code ClientHandler.deliver} without holding any lock. {@code activeConsumers} is guarded by the
 * {@link Destinations} lock.
 *
 * <p><b>Paging.</b> Only a window of persistent messages is kept in memory (bounded by the queue
 * memory limit); past it the {@link StorePager} leaves arriving stored messages in the store and
 * reads them back as the window drains. This relies on the store completing batches in order, so
 * that a message's arrival command is posted before any acknowledgement of it can be.
 */
final class MessageQueue {
    private static final Logger LOG = LoggerFactory.getLogger(MessageQueue.class);
    static final String ORIGINAL_DESTINATION = "_PTL_ORIG_DESTINATION";
    static final String DELIVERY_COUNT = "_PTL_DELIVERY_COUNT";

    final Broker broker;
    /** The queue itself, or for a subscription the topic. */
    final DestinationRef destination;
    /** Null for a queue. */
    final SubscriptionInfo subscription;
    /** The owning connection of a temporary queue, else null. */
    final LocalConnection owner;
    /** -1 when the queue is not in the store. */
    final long storeQueueId;
    final DestinationPolicy policy;
    final SerialExecutor executor;
    /** Changed under the {@link Destinations} lock; volatile so that management may read it without. */
    volatile int activeConsumers;
    private volatile boolean deleted;

    /** Counters for management, written on the executor. */
    final QueueCounters counters = new QueueCounters();
    final QueueWindow window;
    private final ConsumerRing consumers = new ConsumerRing();
    final StorePager pager;
    /** Pulls waiting for a page from the store, by consumer (by identity: consumer ids are only unique per connection). */
    private final Map<Subscriber, CompletableFuture<Boolean>> pendingPulls = new HashMap<>();
    /** Messages a recovered XA branch acknowledged and rolled back before they were paged in: redelivered when they are. */
    private final java.util.Set<Long> rolledBackUnread = new java.util.HashSet<>();

    MessageQueue(Broker broker, DestinationRef destination, SubscriptionInfo subscription, LocalConnection owner,
                 long storeQueueId) {
        this.broker = broker;
        this.destination = destination;
        this.subscription = subscription;
        this.owner = owner;
        this.storeQueueId = storeQueueId;
        this.policy = broker.config().policyFor(destination.name());
        this.executor = new SerialExecutor(broker.pool(), describe());
        this.pager = new StorePager(broker.store(), storeQueueId);
        this.window = new QueueWindow(broker);
    }

    String describe() {
        return subscription == null ? destination.toString() : subscription.describe() + " on " + destination;
    }

    boolean isStored() {
        return storeQueueId >= 0;
    }

    boolean isDeleted() {
        return deleted;
    }

    /** Starts paging in what the store holds for this queue (recovery). */
    void recover() {
        executor.execute(() -> {
            pager.startFromStore();
            dispatch();
        });
    }

    /** A new message for this queue (its store write, if any, is durable). */
    void enqueue(QueueEntry entry) {
        counters.arrived();
        executor.execute(() -> {
            accept(entry);
            dispatch();
        });
    }

    CompletableFuture<Void> addConsumer(Subscriber subscriber) {
        return run(() -> {
            consumers.add(subscriber);
            dispatch();
        });
    }

    CompletableFuture<Void> removeConsumer(Subscriber subscriber) {
        return run(() -> {
            consumers.remove(subscriber);
            CompletableFuture<Boolean> pendingPull = pendingPulls.remove(subscriber);
            if (pendingPull != null) {
                pendingPull.complete(false);
            }
        });
    }

    void grantCredit(Subscriber subscriber, int messages) {
        executor.execute(() -> {
            if (consumers.contains(subscriber)) {
                subscriber.credit += messages;
                dispatch();
            }
        });
    }

    /**
     * Delivers one message to the consumer now, whatever its credit (the credit may go below zero);
     * true when one was delivered. When the window has none but the store may, the answer waits
     * for the next page.
     */
    CompletableFuture<Boolean> pull(Subscriber subscriber) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor.execute(() -> {
            window.promoteDue(System.currentTimeMillis());
            if (!tryPull(subscriber, done)) {
                CompletableFuture<Boolean> earlier = pendingPulls.put(subscriber, done);
                if (earlier != null) {
                    earlier.complete(false);
                }
                refill(true);
                if (!pager.isReading()) {
                    pendingPulls.remove(subscriber);
                    done.complete(false);
                }
            }
        });
        return done;
    }

    /** Completes {@code done} and returns true unless the answer must wait for a page from the store. */
    private boolean tryPull(Subscriber subscriber, CompletableFuture<Boolean> done) {
        if (!consumers.contains(subscriber) || deleted) {
            done.complete(false);
            return true;
        }
        long now = System.currentTimeMillis();
        Iterator<QueueEntry> it = window.available();
        while (it.hasNext()) {
            QueueEntry e = it.next();
            if (e.message.isExpiredAt(now)) {
                it.remove();
                moveAway(e, policy.expiryQueue(), Map.of(ORIGINAL_DESTINATION, e.message.destination().name()));
            } else if (subscriber.accepts(e)) {
                it.remove();
                boolean delivered = deliver(e, subscriber);
                if (!delivered) {
                    window.makeAvailable(e);
                }
                done.complete(delivered);
                return true;
            }
        }
        if (pager.isPagedOut() && window.memoryBytes() < broker.config().queueMemoryLimitBytes()) {
            return false;
        }
        done.complete(false);
        return true;
    }

    private void answerPendingPulls() {
        if (pendingPulls.isEmpty()) {
            return;
        }
        Map<Subscriber, CompletableFuture<Boolean>> waiting = new HashMap<>(pendingPulls);
        pendingPulls.clear();
        waiting.forEach((subscriber, done) -> {
            if (!tryPull(subscriber, done)) {
                pendingPulls.put(subscriber, done);
            }
        });
        if (!pendingPulls.isEmpty()) {
            refill(true);
            if (!pager.isReading()) {
                pendingPulls.values().forEach(done -> done.complete(false));
                pendingPulls.clear();
            }
        }
    }

    /** Acknowledged deliveries (their store references are already removed): forget them. */
    void acknowledged(List<QueueEntry> entries) {
        executor.execute(() -> {
            for (QueueEntry e : entries) {
                if (e.state == QueueEntry.State.DELIVERED) {
                    counters.acknowledged();
                    release(e);
                }
            }
            dispatch();
        });
    }

    /**
     * Takes deliveries back. {@code seen} ones get their delivery count incremented (persisted for
     * stored entries) and go to the dead-letter queue past the policy's limit; all others go back
     * to their place. Completes when they are back.
     */
    CompletableFuture<Void> returnEntries(List<QueueEntry> entries, boolean seen) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            StoreBatch batch = new StoreBatch();
            List<QueueEntry> back = new ArrayList<>();
            for (QueueEntry e : entries) {
                if (e.state != QueueEntry.State.DELIVERED) {
                    continue;
                }
                if (seen) {
                    e.deliveryCount++;
                    if (e.deliveryCount >= policy.maxDeliveryAttempts()
                            && !policy.deadLetterQueue().equals(destination.name())) {
                        moveAway(e, policy.deadLetterQueue(), Map.of(
                                ORIGINAL_DESTINATION, e.message.destination().name(),
                                DELIVERY_COUNT, e.deliveryCount));
                        continue;
                    }
                    if (e.stored) {
                        batch.add(new StoreOperation.UpdateDeliveryCount(storeQueueId, e.id, e.deliveryCount));
                    }
                }
                back.add(e);
            }
            broker.write(batch).whenCompleteAsync((ignored, failure) -> {
                if (failure != null) {
                    LOG.error("{}: could not persist delivery counts; they are kept in memory only", describe(), failure);
                }
                for (QueueEntry e : back) {
                    if (deleted) {
                        release(e);
                    } else {
                        window.makeAvailable(e);
                    }
                }
                dispatch();
                done.complete(null);
            }, executor);
        });
        return done;
    }

    /**
     * The outcome of a recovered prepared XA branch that acknowledged messages {@code ids} here:
     * committed, they are gone (their references are already removed); rolled back, they come back
     * redelivered.
     */
    void settleRecovered(List<Long> ids, boolean committed) {
        executor.execute(() -> {
            List<QueueEntry> back = new ArrayList<>();
            for (Long id : ids) {
                broker.xa().unlock(storeQueueId, id);
                QueueEntry e = window.held(id);
                if (e == null || e.state != QueueEntry.State.DELIVERED) {
                    if (committed) {
                        pager.released(id);
                    } else {
                        rolledBackUnread.add(id);
                    }
                } else if (committed) {
                    release(e);
                } else {
                    back.add(e);
                }
            }
            if (!back.isEmpty()) {
                returnEntries(back, true);
            }
            dispatch();
        });
    }

    /** Drops every message held in memory (the store side is the caller's business). */
    CompletableFuture<Void> delete() {
        deleted = true;
        return run(() -> {
            window.clear();
            consumers.clear();
            pager.stop();
            pendingPulls.values().forEach(done -> done.complete(false));
            pendingPulls.clear();
        });
    }

    /** A snapshot for a browser: what is in memory now, and where the store part begins. */
    CompletableFuture<BrowserCursor> browse(dev.petrel.selector.Selector selector) {
        CompletableFuture<BrowserCursor> done = new CompletableFuture<>();
        executor.execute(() -> done.complete(new BrowserCursor(this, selector, window.snapshotAvailable(),
                window.heldIds(), pager.isPagedOut(), pager.cursor())));
        return done;
    }

    private CompletableFuture<Void> run(Runnable command) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                command.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    // ---- everything below runs on the executor ----

    private void accept(QueueEntry e) {
        if (deleted) {
            if (e.reserved) {
                e.reserved = false;
                broker.addMemory(-e.size);
            }
            counters.removed(1);
            return;
        }
        if (e.stored) {
            if (window.holds(e.id) || pager.leaveInStore(e.id)) {
                return;
            }
            if (window.memoryBytes() > 0 && (window.memoryBytes() + e.size > broker.config().queueMemoryLimitBytes()
                    || broker.memoryUsed() + e.size > broker.config().memoryLimitBytes())) {
                pager.pageOutFrom(e.id);
                return;
            }
        }
        hold(e);
    }

    private void hold(QueueEntry e) {
        if (window.hold(e)) {
            broker.wakeUpAt(e.message.deliveryTime(), () -> executor.execute(this::dispatch));
        }
        if (e.message.expiration() != 0) {
            broker.wakeUpAt(e.message.expiration(), () -> executor.execute(() -> expireIfWaiting(e)));
        }
    }

    /** Moves a message that expired while waiting (no consumer took it) to the expiry queue. */
    private void expireIfWaiting(QueueEntry e) {
        if (!deleted && e.message.isExpiredAt(System.currentTimeMillis()) && window.removeWaiting(e)) {
            moveAway(e, policy.expiryQueue(), Map.of(ORIGINAL_DESTINATION, e.message.destination().name()));
        }
    }

    void release(QueueEntry e) {
        if (e.stored) {
            pager.released(e.id);
        }
        if (window.release(e)) {
            counters.removed(1);
        }
    }

    void dispatch() {
        if (deleted) {
            return;
        }
        window.promoteDue(System.currentTimeMillis());
        refill(false);
        long now = System.currentTimeMillis();
        List<QueueEntry> undelivered = new ArrayList<>();
        Iterator<QueueEntry> it = window.available();
        while (it.hasNext() && consumers.anyHasCredit()) {
            QueueEntry e = it.next();
            if (e.message.isExpiredAt(now)) {
                it.remove();
                moveAway(e, policy.expiryQueue(), Map.of(ORIGINAL_DESTINATION, e.message.destination().name()));
                continue;
            }
            Subscriber subscriber = consumers.pick(e);
            if (subscriber == null) {
                continue;
            }
            it.remove();
            if (!deliver(e, subscriber)) {
                undelivered.add(e);
                consumers.remove(subscriber);
            }
        }
        undelivered.forEach(window::makeAvailable);
    }

    /** Hands the entry to the consumer's client; false (nothing delivered) when its session is closed. */
    private boolean deliver(QueueEntry e, Subscriber subscriber) {
        long deliveryId = subscriber.connection.nextDeliveryId();
        window.markDelivered(e);
        if (!subscriber.session.track(new DeliveryRecord(deliveryId, this, e, subscriber.consumerId))) {
            return false;
        }
        subscriber.credit--;
        try {
            subscriber.connection.handler().deliver(new Delivery(subscriber.consumerId, deliveryId, e.message,
                    e.deliveryCount + 1, e.deliveryCount > 0));
        } catch (RuntimeException failure) {
            LOG.error("{}: the client of consumer {} failed to take delivery {}; it stays with the session",
                    describe(), subscriber.consumerId, deliveryId, failure);
        }
        return true;
    }

    /**
     * Starts reading the next page of the backlog from the store (on a pager thread) when the
     * in-memory window has drained below half the limit, or {@code eager}ly (filling up to three
     * quarters, or for a waiting pull).
     */
    private void refill(boolean eager) {
        if (!pager.isPagedOut() || pager.isReading() || deleted) {
            return;
        }
        long limit = broker.config().queueMemoryLimitBytes();
        boolean starving = window.nothingWaiting();
        if (!starving && window.memoryBytes() >= (eager ? limit * 3 / 4 : limit / 2)) {
            return;
        }
        long after = pager.beginRead();
        try {
            broker.pagerPool().execute(() -> {
                try {
                    StorePager.Page page = pager.read(after);
                    executor.execute(() -> pageRead(page));
                } catch (StoreException | RuntimeException e) {
                    LOG.error("{}: could not page messages in after message id {}", describe(), after, e);
                    executor.execute(this::pageReadFailed);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pager.readFailed();
        }
    }

    private void pageRead(StorePager.Page page) {
        for (QueueEntry e : pager.accept(page)) {
            if (!deleted && !window.holds(e.id)) {
                if (broker.xa().isLockedByPrepared(storeQueueId, e.id)) {
                    window.holdTaken(e);
                } else {
                    if (rolledBackUnread.remove(e.id)) {
                        e.deliveryCount++;
                    }
                    hold(e);
                }
            }
        }
        answerPendingPulls();
        dispatch();
        refill(true);
    }

    private void pageReadFailed() {
        pager.readFailed();
        answerPendingPulls();
    }

    /** Takes an entry off this queue for good (see {@link MessageMover}); forgets it once that is durable. */
    private void moveAway(QueueEntry e, String targetQueue, Map<String, Object> extra) {
        window.markGone(e);
        MessageMover.move(this, e, targetQueue, extra).whenCompleteAsync((ignored, failure) -> release(e), executor);
    }
}
