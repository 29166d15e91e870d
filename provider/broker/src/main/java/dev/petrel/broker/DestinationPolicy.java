package dev.petrel.broker;

/**
 * How a destination treats messages it cannot deliver. The broker has a default policy and
 * per-destination overrides matched by name pattern ({@code *} matches any run of characters).
 *
 * @param maxDeliveryAttempts deliveries before a message goes to the dead-letter queue (at least 1)
 * @param deadLetterQueue     the queue for messages past {@code maxDeliveryAttempts}
 * @param expiryQueue         the queue for expired messages, or null to drop them
 */
public record DestinationPolicy(int maxDeliveryAttempts, String deadLetterQueue, String expiryQueue) {

    public static final DestinationPolicy DEFAULT = new DestinationPolicy(10, "DLQ", "ExpiryQueue");

    public DestinationPolicy {
        if (maxDeliveryAttempts < 1) {
            throw new IllegalArgumentException("maxDeliveryAttempts must be at least 1, was " + maxDeliveryAttempts);
        }
        if (deadLetterQueue == null || deadLetterQueue.isBlank()) {
            throw new IllegalArgumentException("deadLetterQueue must name a queue");
        }
    }
}
