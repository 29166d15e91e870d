package dev.petrel.store;

/**
 * A reference read back from a store queue, with its message.
 *
 * @param messageId     the message's id (its order)
 * @param priority      its priority
 * @param deliveryCount how many times it was delivered and returned
 * @param encoded       the message, encoded by {@code dev.petrel.message.MessageCodec}
 */
public record StoredReference(long messageId, int priority, int deliveryCount, byte[] encoded) {
}
