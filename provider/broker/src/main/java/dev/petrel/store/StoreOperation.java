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

    /**
     * Makes an XA transaction branch durable in the prepared state: {@code operations} (only
     * {@link AddMessage}, {@link AddReference} and {@link RemoveReference}) are kept aside, not
     * applied, until {@link CommitPrepared} applies them or {@link RollbackPrepared} drops them.
     * Message ids in it count as used. Replacing an existing prepared branch with the same xid is
     * idempotent. {@link Recovery#preparedTransactions()} returns it after a restart.
     *
     * @param xid the branch's key ({@code dev.petrel.protocol.PetrelXid.toBytes()}), at most 134 bytes
     */
    record PrepareTransaction(byte[] xid, java.util.List<StoreOperation> operations) implements StoreOperation {
        public PrepareTransaction {
            operations = java.util.List.copyOf(operations);
            for (StoreOperation operation : operations) {
                if (!(operation instanceof AddMessage || operation instanceof AddReference
                        || operation instanceof RemoveReference)) {
                    throw new IllegalArgumentException("a prepared transaction holds only AddMessage, AddReference and"
                            + " RemoveReference operations, not " + operation);
                }
            }
        }
    }

    /** Applies a prepared branch's operations and forgets it; nothing when no branch has this xid (a replay). */
    record CommitPrepared(byte[] xid) implements StoreOperation {
    }

    /** Forgets a prepared branch without applying it; nothing when no branch has this xid. */
    record RollbackPrepared(byte[] xid) implements StoreOperation {
    }
}
