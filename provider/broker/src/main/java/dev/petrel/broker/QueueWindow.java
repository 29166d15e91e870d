package dev.petrel.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

/**
 * The part of a queue held in memory: entries waiting in delivery order, entries not yet due, and
 * every entry held at all (also delivered ones, and ones being moved away), with their memory,
 * counted both here and in the broker's total.
 *
 * <p>Threading: owned by its queue's serial executor; not thread-safe.
 */
final class QueueWindow {
    private final Broker broker;
    private final TreeSet<QueueEntry> available = new TreeSet<>(QueueEntry.DELIVERY_ORDER);
    private final PriorityQueue<QueueEntry> scheduled = new PriorityQueue<>(QueueEntry.DUE_ORDER);
    private final Map<Long, QueueEntry> held = new HashMap<>();
    private long memoryBytes;
    /** Held entries delivered and not yet acknowledged; written on the executor, read by management. */
    private volatile long inFlight;

    QueueWindow(Broker broker) {
        this.broker = broker;
    }

    boolean holds(long messageId) {
        return held.containsKey(messageId);
    }

    long memoryBytes() {
        return memoryBytes;
    }

    /** Nothing waits for delivery (delivered entries may still be held). */
    boolean nothingWaiting() {
        return available.isEmpty() && scheduled.isEmpty();
    }

    /** Holds a new entry; true when it is not due yet (the caller schedules a wake-up). */
    boolean hold(QueueEntry e) {
        held.put(e.id, e);
        memoryBytes += e.size;
        if (e.reserved) {
            e.reserved = false;
        } else {
            broker.addMemory(e.size);
        }
        if (e.message.deliveryTime() > System.currentTimeMillis()) {
            e.state = QueueEntry.State.SCHEDULED;
            scheduled.add(e);
            return true;
        }
        makeAvailable(e);
        return false;
    }

    /** Holds an entry that is already taken (acknowledged by a prepared XA branch): it does not wait for delivery. */
    void holdTaken(QueueEntry e) {
        held.put(e.id, e);
        memoryBytes += e.size;
        broker.addMemory(e.size);
        markDelivered(e);
    }

    long inFlight() {
        return inFlight;
    }

    /** The entry is handed to a consumer. */
    void markDelivered(QueueEntry e) {
        if (e.state != QueueEntry.State.DELIVERED) {
            inFlight++;
        }
        e.state = QueueEntry.State.DELIVERED;
    }

    /** The entry is leaving (moved away, purged), still held until that is durable. */
    void markGone(QueueEntry e) {
        if (e.state == QueueEntry.State.DELIVERED) {
            inFlight--;
        }
        e.state = QueueEntry.State.GONE;
    }

    /** The held entry with this id, or null. */
    QueueEntry held(long messageId) {
        return held.get(messageId);
    }

    /** The held entries, in no order: a live view, for iterating on the executor only. */
    java.util.Collection<QueueEntry> heldEntries() {
        return java.util.Collections.unmodifiableCollection(held.values());
    }

    /** Every held entry, in no order (a copy). */
    List<QueueEntry> snapshotHeld() {
        return new ArrayList<>(held.values());
    }

    /** A held entry (returned, or not delivered after all) waits again at its place. */
    void makeAvailable(QueueEntry e) {
        if (e.state == QueueEntry.State.DELIVERED) {
            inFlight--;
        }
        e.state = QueueEntry.State.AVAILABLE;
        available.add(e);
    }

    /** Takes a waiting entry out (to move it away); false when it is not waiting. */
    boolean removeWaiting(QueueEntry e) {
        return e.state == QueueEntry.State.AVAILABLE ? available.remove(e)
                : e.state == QueueEntry.State.SCHEDULED && scheduled.remove(e);
    }

    /** Forgets an entry for good; true when it was held. */
    boolean release(QueueEntry e) {
        markGone(e);
        if (held.remove(e.id) != null) {
            memoryBytes -= e.size;
            broker.addMemory(-e.size);
            return true;
        }
        return false;
    }

    /** Entries whose delivery time has come become available. */
    void promoteDue(long now) {
        while (!scheduled.isEmpty() && scheduled.peek().message.deliveryTime() <= now) {
            makeAvailable(scheduled.poll());
        }
    }

    /** The waiting entries in delivery order; {@code remove()} takes one out of the window's order. */
    Iterator<QueueEntry> available() {
        return available.iterator();
    }

    List<QueueEntry> snapshotAvailable() {
        return new ArrayList<>(available);
    }

    Set<Long> heldIds() {
        return new HashSet<>(held.keySet());
    }

    /** Releases everything. */
    void clear() {
        for (QueueEntry e : new ArrayList<>(held.values())) {
            release(e);
        }
        available.clear();
        scheduled.clear();
    }
}
