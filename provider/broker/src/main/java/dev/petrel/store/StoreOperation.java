package dev.petrel.store;

/** One change in a {@link StoreBatch}. Every operation is idempotent, so a replay after a crash is safe. */
public sealed interface StoreOperation {

    /** Creates (or replaces the definition of) a store queue. */
    record AddQueue(long storeQueueId, QueueDefinition definition) implements StoreOperation {
    }

    /** Deletes a store queue and every reference it holds. */
    record DeleteQueue(long storeQueueId) implements StoreOperation {
    }

    /** Writes a message: its encoded form ({@code dev.petrel.message.MessageCodec}). */
    record AddMessage(long messageId, byte[] encoded) implements StoreOperation {
    }

    /** Puts a message on a store queue. {@code deliveryCount} is 0 until it is first returned. */
    record AddReference(long storeQueueId, long messageId, int priority, int deliveryCount) implements StoreOperation {
    }

    /** Removes a message from a store queue (acknowledged, purged, moved); the message goes with its last reference. */
    record RemoveReference(long storeQueueId, long messageId) implements StoreOperation {
    }

    /** Records that a message was delivered and returned (rollback, recover, closed session), so it survives a restart. */
    record UpdateDeliveryCount(long storeQueueId, long messageId, int deliveryCount) implements StoreOperation {
    }
}
