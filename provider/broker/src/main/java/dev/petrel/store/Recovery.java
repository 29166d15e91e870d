package dev.petrel.store;

import java.util.List;

/**
 * What {@link MessageStore#open} read back.
 *
 * @param queues       every store queue, with its reference count
 * @param maxMessageId the highest message id ever written (0 for an empty store)
 * @param maxQueueId   the highest store queue id ever used (0 for an empty store)
 */
public record Recovery(List<RecoveredQueue> queues, long maxMessageId, long maxQueueId) {

    /** A store queue and how many references it holds. */
    public record RecoveredQueue(long storeQueueId, QueueDefinition definition, long messageCount) {
    }
}
