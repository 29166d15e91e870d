package dev.petrel.store;

import java.util.List;

/**
 * What {@link MessageStore#open} read back.
 *
 * @param queues               every store queue, with its reference count
 * @param maxMessageId         the highest message id ever written (0 for an empty store), prepared
 *                             transactions included
 * @param maxQueueId           the highest store queue id ever used (0 for an empty store)
 * @param preparedTransactions every XA branch prepared and not yet committed or rolled back
 */
public record Recovery(List<RecoveredQueue> queues, long maxMessageId, long maxQueueId,
                       List<PreparedTransaction> preparedTransactions) {

    /** Without prepared transactions. */
    public Recovery(List<RecoveredQueue> queues, long maxMessageId, long maxQueueId) {
        this(queues, maxMessageId, maxQueueId, List.of());
    }

    /** A store queue and how many references it holds. */
    public record RecoveredQueue(long storeQueueId, QueueDefinition definition, long messageCount) {
    }

    /**
     * A prepared XA branch as {@link StoreOperation.PrepareTransaction} wrote it: its references to
     * remove stay on their store queues (and are counted there) until the outcome.
     */
    public record PreparedTransaction(byte[] xid, List<StoreOperation> operations) {
    }
}
