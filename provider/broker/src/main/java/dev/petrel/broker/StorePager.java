package dev.petrel.broker;

import dev.petrel.message.MessageCodec;
import dev.petrel.store.MessageStore;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoredReference;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Which part of a queue's backlog stays only in the store. While the queue is "paged out", arriving
 * stored messages are left in the store, and {@code cursor} is a message id below which every
 * reference of the queue is in memory (or acknowledged); reading resumes after it, skipping ids the
 * queue still holds. A late arrival below the cursor moves the cursor back.
 *
 * <p>Threading: owned by its queue's serial executor; not thread-safe. {@link #readNext} blocks on
 * a store read.
 */
final class StorePager {
    static final int PAGE_SIZE = 256;

    private final MessageStore store;
    private final long storeQueueId;
    private boolean pagedOut;
    private long cursor;

    StorePager(MessageStore store, long storeQueueId) {
        this.store = store;
        this.storeQueueId = storeQueueId;
    }

    boolean isPagedOut() {
        return pagedOut;
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
        }
        return pagedOut;
    }

    void stop() {
        pagedOut = false;
    }

    /**
     * Reads the next page after the cursor, without the ids {@code held} says the queue has. When
     * the store has no more, the queue is no longer paged out.
     */
    List<QueueEntry> readNext(LongPredicate held) throws StoreException {
        List<StoredReference> refs = store.readReferences(storeQueueId, cursor, PAGE_SIZE);
        List<QueueEntry> entries = new ArrayList<>(refs.size());
        for (StoredReference ref : refs) {
            cursor = ref.messageId();
            if (!held.test(ref.messageId())) {
                entries.add(new QueueEntry(ref.messageId(), MessageCodec.decode(ref.encoded()), true, ref.deliveryCount()));
            }
        }
        if (refs.size() < PAGE_SIZE) {
            pagedOut = false;
        }
        return entries;
    }
}
