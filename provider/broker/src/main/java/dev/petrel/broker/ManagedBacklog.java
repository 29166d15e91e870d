package dev.petrel.broker;

import dev.petrel.message.MessageData;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoredReference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One queue's or subscription's backlog as management sees it: its counters, and the commands
 * management runs on it. For {@code dev.petrel.broker.admin} only; not part of the embedding API.
 *
 * <p><b>Threading.</b> Counters and descriptive getters read atomics and final fields from any
 * thread. Every method returning a future posts ONE short command to the queue's serial executor
 * and completes when it ran; none blocks the executor. Store reads run on the calling thread.
 *
 * <p><b>Removing messages</b> (purge, delete, move) is three steps, so that the pager never brings
 * back a message being removed: {@link #claim} takes held entries out of delivery (state GONE,
 * still held, so a page read cannot add them again) and reports the ids it does not hold (they
 * are only in the store); the caller writes the store batch that removes them; then
 * {@link #finishRemoval} releases the claimed entries and makes the pager forget the store-only
 * ones (or {@link #restore} puts the claimed ones back when the write failed).
 */
public final class ManagedBacklog {

    /** One message of the backlog as held in memory. */
    public record Entry(long id, MessageData message, int deliveryCount, boolean inFlight, boolean stored) {
    }

    /** What {@link #claim} took: held entries (now out of delivery), and the ids it did not hold. */
    public static final class Claim {
        private final List<QueueEntry> entries;
        private final List<QueueEntry.State> previous;
        private final List<Long> notHeld;

        private Claim(List<QueueEntry> entries, List<QueueEntry.State> previous, List<Long> notHeld) {
            this.entries = entries;
            this.previous = previous;
            this.notHeld = notHeld;
        }

        /** The claimed entries, in the order claimed. */
        public List<Entry> entries() {
            List<Entry> out = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                QueueEntry e = entries.get(i);
                out.add(new Entry(e.id, e.message, e.deliveryCount, previous.get(i) == QueueEntry.State.DELIVERED, e.stored));
            }
            return out;
        }

        /** Ids asked for that the queue does not hold in memory (in the store only, or gone). */
        public List<Long> notHeld() {
            return notHeld;
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }
    }

    final MessageQueue queue;

    ManagedBacklog(MessageQueue queue) {
        this.queue = queue;
    }

    /** The queue's name, or for a subscription its topic's name. */
    public String destinationName() {
        return queue.destination.name();
    }

    public boolean isSubscription() {
        return queue.subscription != null;
    }

    public boolean isTemporary() {
        return queue.destination.isTemporary();
    }

    /** Subscriptions: the client id, or null. */
    public String clientId() {
        return queue.subscription == null ? null : queue.subscription.clientId();
    }

    /** Subscriptions: the subscription name, or null for a plain non-durable consumer. */
    public String subscriptionName() {
        return queue.subscription == null ? null : queue.subscription.name();
    }

    public boolean durable() {
        return queue.subscription != null && queue.subscription.durable();
    }

    public boolean shared() {
        return queue.subscription != null && queue.subscription.shared();
    }

    public boolean noLocal() {
        return queue.subscription != null && queue.subscription.noLocal();
    }

    /** Subscriptions: the selector as given, or null. */
    public String selector() {
        return queue.subscription == null ? null : queue.subscription.selectorText();
    }

    /** Whether its messages are in the store (persistent ones). */
    public boolean stored() {
        return queue.isStored();
    }

    public boolean isDeleted() {
        return queue.isDeleted();
    }

    public long depth() {
        return queue.counters.depth();
    }

    public long inFlight() {
        return queue.window.inFlight();
    }

    public long messagesIn() {
        return queue.counters.messagesIn();
    }

    public long messagesOut() {
        return queue.counters.messagesOut();
    }

    /** Consumers attached now (read without the registry lock: a snapshot). */
    public int consumers() {
        return queue.activeConsumers;
    }

    /** True while part of the backlog is only in the store. */
    public boolean paging() {
        return queue.pager.isPagedOut();
    }

    /** Same queue object: equal backlogs. */
    public boolean sameAs(ManagedBacklog other) {
        return other != null && other.queue == queue;
    }

    /** A key for this backlog that lives as long as it does (identity based). */
    public Object identity() {
        return queue;
    }

    /**
     * The held entries the store cannot describe as they are now — not stored (in memory only), or
     * in flight — with ids strictly beyond {@code boundary} in the given direction (above it when
     * ascending, below it when descending), in that id order. Every other waiting entry is in the
     * store exactly as held (delivery counts are persisted before an entry waits again). O(window)
     * on the executor, without copying it.
     */
    public CompletableFuture<List<Entry>> heldBeyond(long boundary, boolean ascending) {
        return call(() -> {
            List<Entry> out = new ArrayList<>();
            for (QueueEntry e : queue.window.heldEntries()) {
                if ((!e.stored || e.state == QueueEntry.State.DELIVERED) && e.state != QueueEntry.State.GONE
                        && (ascending ? e.id > boundary : e.id < boundary)) {
                    out.add(view(e));
                }
            }
            Comparator<Entry> byId = Comparator.comparingLong(Entry::id);
            out.sort(ascending ? byId : byId.reversed());
            return out;
        });
    }

    /** The held entry with this id, or null. */
    public CompletableFuture<Entry> held(long id) {
        return call(() -> {
            QueueEntry e = queue.window.held(id);
            return e == null || e.state == QueueEntry.State.GONE ? null : view(e);
        });
    }

    /** Store references after {@code afterId}, ascending; empty when the queue is not stored. */
    public List<StoredReference> readStored(long afterId, int max) throws StoreException {
        return queue.isStored() ? queue.broker.store().readReferences(queue.storeQueueId, afterId, max) : List.of();
    }

    /** Store references before {@code beforeId}, descending; empty when the queue is not stored. */
    public List<StoredReference> readStoredBefore(long beforeId, int max) throws StoreException {
        return queue.isStored() ? queue.broker.store().readReferencesBefore(queue.storeQueueId, beforeId, max) : List.of();
    }

    /** The store reference of one message of this queue, or null. */
    public StoredReference readStored(long id) throws StoreException {
        List<StoredReference> refs = readStored(id - 1, 1);
        return refs.isEmpty() || refs.get(0).messageId() != id ? null : refs.get(0);
    }

    /**
     * Claims the held entries with these ids; {@code includeInFlight} also claims delivered ones
     * (their acknowledgement is then ignored).
     */
    public CompletableFuture<Claim> claim(Collection<Long> ids, boolean includeInFlight) {
        return call(() -> {
            List<QueueEntry> taken = new ArrayList<>();
            List<QueueEntry.State> previous = new ArrayList<>();
            List<Long> notHeld = new ArrayList<>();
            for (long id : ids) {
                QueueEntry e = queue.window.held(id);
                if (e == null) {
                    notHeld.add(id);
                } else if (take(e, includeInFlight, previous)) {
                    taken.add(e);
                }
            }
            return new Claim(taken, previous, notHeld);
        });
    }

    /** Claims up to {@code max} held entries with ids up to {@code maxId}, delivered ones included (purge). */
    public CompletableFuture<Claim> claimHeld(int max, long maxId) {
        return call(() -> {
            List<QueueEntry> taken = new ArrayList<>();
            List<QueueEntry.State> previous = new ArrayList<>();
            for (QueueEntry e : queue.window.heldEntries()) {
                if (taken.size() >= max) {
                    break;
                }
                if (e.id <= maxId && take(e, true, previous)) {
                    taken.add(e);
                }
            }
            return new Claim(taken, previous, List.of());
        });
    }

    private boolean take(QueueEntry e, boolean includeInFlight, List<QueueEntry.State> previous) {
        QueueEntry.State state = e.state;
        if (state == QueueEntry.State.GONE || (state == QueueEntry.State.DELIVERED && !includeInFlight)) {
            return false;
        }
        if (state != QueueEntry.State.DELIVERED) {
            queue.window.removeWaiting(e);
        }
        queue.window.markGone(e);
        previous.add(state);
        return true;
    }

    /** The store operation that removes a message of this queue (none for an entry not stored). */
    public StoreOperation removal(long id) {
        return new StoreOperation.RemoveReference(queue.storeQueueId, id);
    }

    /**
     * After the store removed them: releases the claim's entries and forgets {@code storeOnlyIds}
     * (removed from the store, not held when claimed; released now if a page brought them in).
     */
    public CompletableFuture<Void> finishRemoval(Claim claim, Collection<Long> storeOnlyIds) {
        return call(() -> {
            for (QueueEntry e : claim.entries) {
                queue.release(e);
            }
            for (long id : storeOnlyIds) {
                QueueEntry e = queue.window.held(id);
                if (e != null) {
                    if (e.state == QueueEntry.State.AVAILABLE || e.state == QueueEntry.State.SCHEDULED) {
                        queue.window.removeWaiting(e);
                    }
                    queue.release(e);
                } else {
                    queue.pager.released(id);
                    queue.counters.removed(1);
                }
            }
            queue.dispatch();
            return null;
        });
    }

    /** The store write failed: the claimed entries go back to where they were. */
    public CompletableFuture<Void> restore(Claim claim) {
        return call(() -> {
            for (int i = 0; i < claim.entries.size(); i++) {
                QueueEntry e = claim.entries.get(i);
                if (claim.previous.get(i) == QueueEntry.State.DELIVERED) {
                    queue.window.markDelivered(e);
                } else {
                    queue.window.makeAvailable(e);
                }
            }
            queue.dispatch();
            return null;
        });
    }

    private static Entry view(QueueEntry e) {
        return new Entry(e.id, e.message, e.deliveryCount, e.state == QueueEntry.State.DELIVERED, e.stored);
    }

    private <T> CompletableFuture<T> call(java.util.function.Supplier<T> command) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            queue.executor.execute(() -> {
                try {
                    done.complete(command.get());
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
