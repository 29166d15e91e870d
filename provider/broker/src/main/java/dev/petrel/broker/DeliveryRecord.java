package dev.petrel.broker;

/**
 * A delivery a session holds until it is acknowledged, committed or returned.
 *
 * @param deliveryId the connection's id of the delivery
 * @param queue      the queue or subscription it came from
 * @param entry      the entry delivered
 * @param consumerId the consumer it was delivered to
 */
record DeliveryRecord(long deliveryId, MessageQueue queue, QueueEntry entry, long consumerId) {
}
