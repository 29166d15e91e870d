package dev.petrel.store;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The broker's durable store: the SPI every store engine implements (the embedded H2 journal
 * now, PostgreSQL later). The broker owns one, opens it before anything else and closes it last.
 *
 * <p>Model: a <em>store queue</em> is anything that holds message references in order — a queue,
 * or a durable subscription of a topic. A message is written once ({@link StoreOperation.AddMessage})
 * and referenced by one or more store queues ({@link StoreOperation.AddReference}); the engine deletes
 * a message when its last reference is removed. Message ids are assigned by the broker, increasing,
 * starting after {@link Recovery#maxMessageId()}; they give the delivery order within a priority.
 *
 * <p>Threading: {@link #write} may be called from any thread, concurrently; the engine serialises
 * all writes on one store writer thread, which gathers whatever is pending into one database
 * transaction and one sync (group commit). Reads may run concurrently with writes.
 */
public interface MessageStore extends AutoCloseable {

    /**
     * Opens the store and reads back what the broker needs to start: every store queue with its
     * definition and its reference count, and the highest message id used. Messages themselves are
     * paged in with {@link #readReferences}. Called once, before any other method.
     */
    Recovery open() throws StoreException;

    /**
     * Makes every operation of the batch durable, atomically: all or nothing survives a crash. The
     * future completes (on the store writer thread; callers must not block it) only after the batch
     * is durable on disk, or exceptionally with a {@link StoreException} — then nothing of the batch
     * is applied.
     */
    CompletableFuture<Void> write(StoreBatch batch);

    /**
     * {@link #write} for a caller that blocks until the future completes: when the store is idle it
     * may persist the batch in the calling thread, saving the hand-off to the writer and back. The
     * future's callbacks may then run in the calling thread too. Asynchronous callers use {@link #write},
     * which never blocks them and lets their batches share a group.
     */
    default CompletableFuture<Void> writeForWaitingCaller(StoreBatch batch) {
        return write(batch);
    }

    /**
     * Reads up to {@code max} references of one store queue whose message id is greater than
     * {@code afterMessageId}, in message-id order, with their messages. Sees every write whose
     * future has completed.
     */
    List<StoredReference> readReferences(long storeQueueId, long afterMessageId, int max) throws StoreException;

    /**
     * Reads up to {@code max} references of one store queue whose message id is less than
     * {@code beforeMessageId}, in descending message-id order (newest first), with their messages:
     * the reverse of {@link #readReferences}, for browsing a backlog from its end. Cost: O(max), an
     * index range scan. Sees every write whose future has completed. Engines that cannot do this
     * keep the default, which fails.
     */
    default List<StoredReference> readReferencesBefore(long storeQueueId, long beforeMessageId, int max)
            throws StoreException {
        throw new StoreException(getClass().getName() + " cannot read references in descending order");
    }

    /** Sizes for operators: bytes on disk, and where. */
    StoreStats stats();

    /** Finishes pending writes, then closes the database cleanly. Idempotent. */
    @Override
    void close();
}
