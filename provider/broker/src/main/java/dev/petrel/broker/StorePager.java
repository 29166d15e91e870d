package dev.petrel.broker;

import dev.petrel.message.MessageCodec;
import dev.petrel.store.MessageStore;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoredReference;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which part of a queue's backlog stays only in the store, and reading it back.
 *
 * <p>While the queue is "paged out", arriving stored messages are left in the store, and
 * {@code cursor} is a message id below which every reference of the queue is in memory (or
 * acknowledged); reading resumes after it. A late arrival below the cursor moves it back.
 *
 * <p>Reads run off the queue's executor ({@link #read}, on the broker's pager threads), so a slow
 * store never stalls dispatch. What changes while a read is in flight is noted here — the lowest
 * message left in the store (with concurrent producers it may be durable only after the read
 * looked past its id), entries released (acknowledged or moved) — so that {@link #accept} neither
 * skips a message, nor ends paging too early, nor brings back a message already gone.
 *
 * <p>Threading: everything but {@link #read} is owned by the queue's serial executor.
 */
final class StorePager {
    static final int PAGE_SIZE = 256;

    /** What one read found: entries after {@code after}, the last id read, whether the store had no more. */
    record Page(long after, List<QueueEntry> entries, long lastId, boolean complete) {
    }

    private final MessageStore store;
    private final long storeQueueId;
    /** Volatile: management reads it from other threads. */
    private volatile boolean pagedOut;
    private long cursor;
    private boolean reading;
    /** The lowest id left in the store while the current read ran (it may have been written after the read looked). */
    private long minLeftWhileReading = Long.MAX_VALUE;
    private final Set<Long> releasedWhileReading = new HashSet<>();

    StorePager(MessageStore store, long storeQueueId) {
        this.store = store;
        this.storeQueueId = storeQueueId;
    }

    boolean isPagedOut() {
        return pagedOut;
    }

    boolean isReading() {
        return reading;
    }

    long cursor() {
        return cursor;
    }

    /** Recovery: everything the store holds is still to be read. */
    void startFromStore() {
        pagedOut = true;
        cursor = 0;
    }

    /** The window is full: message {@code id} and later arrivals stay in the store. */
    void pageOutFrom(long id) {
        pagedOut = true;
        cursor = id - 1;
    }

    /** An arriving stored message: true when it is left in the store (the queue is paged out). */
    boolean leaveInStore(long id) {
        if (pagedOut) {
            cursor = Math.min(cursor, id - 1);
            if (reading) {
                minLeftWhileReading = Math.min(minLeftWhileReading, id);
            }
        }
        return pagedOut;
    }

    /** A stored entry left the queue's memory for good. */
    void released(long id) {
        if (reading) {
            releasedWhileReading.add(id);
        }
    }

    void stop() {
        pagedOut = false;
    }

    /** Marks a read as started and returns the id to read after. */
    long beginRead() {
        reading = true;
        minLeftWhileReading = Long.MAX_VALUE;
        releasedWhileReading.clear();
        return cursor;
    }

    /** Reads one page after {@code after}. Any thread; touches no pager state. */
    Page read(long after) throws StoreException {
        List<StoredReference> refs = store.readReferences(storeQueueId, after, PAGE_SIZE);
        List<QueueEntry> entries = new ArrayList<>(refs.size());
        long last = after;
        for (StoredReference ref : refs) {
            last = ref.messageId();
            entries.add(new QueueEntry(ref.messageId(), MessageCodec.decode(ref.encoded()), true, ref.deliveryCount()));
        }
        return new Page(after, entries, last, refs.size() < PAGE_SIZE);
    }

    /** The read ended without a page (it failed). */
    void readFailed() {
        reading = false;
        releasedWhileReading.clear();
    }

    /**
     * Takes a page in: returns the entries the queue should hold (not released meanwhile) and
     * moves the cursor; ends paging when the store had no more and nothing was left there meanwhile.
     */
    List<QueueEntry> accept(Page page) {
        reading = false;
        List<QueueEntry> fresh = new ArrayList<>(page.entries().size());
        for (QueueEntry e : page.entries()) {
            if (!releasedWhileReading.contains(e.id)) {
                fresh.add(e);
            }
        }
        releasedWhileReading.clear();
        if (cursor == page.after()) {
            boolean leftBehind = minLeftWhileReading != Long.MAX_VALUE;
            // a message left in the store during the read, below the page's end, was not seen by it
            cursor = leftBehind ? Math.min(page.lastId(), minLeftWhileReading - 1) : page.lastId();
            if (page.complete() && !leftBehind) {
                pagedOut = false;
            }
        }
        minLeftWhileReading = Long.MAX_VALUE;
        return fresh;
    }
}
