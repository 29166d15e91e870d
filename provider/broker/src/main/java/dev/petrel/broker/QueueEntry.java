package dev.petrel.broker;

import dev.petrel.message.MessageData;

import java.util.Comparator;

/**
 * One message on one queue or subscription. The same {@link MessageData} may sit in several
 * entries (a topic's subscriptions); each entry has its own delivery count and state.
 *
 * <p>Threading: {@code deliveryCount} and {@code state} belong to the owning queue's serial
 * executor; other threads read only the final fields.
 */
final class QueueEntry {

    enum State { AVAILABLE, SCHEDULED, DELIVERED, GONE }

    /** Priority (higher first), then message id (FIFO within a priority). */
    static final Comparator<QueueEntry> DELIVERY_ORDER = Comparator
            .comparingInt((QueueEntry e) -> -e.message.priority())
            .thenComparingLong(e -> e.id);

    /** Due time, then delivery order. */
    static final Comparator<QueueEntry> DUE_ORDER = Comparator
            .comparingLong((QueueEntry e) -> e.message.deliveryTime())
            .thenComparing(DELIVERY_ORDER);

    final long id;
    final MessageData message;
    final int size;
    /** Whether the owning queue holds a store reference for it. */
    final boolean stored;
    /** Its memory was already counted by the sender (messages that cannot be paged), not yet held. */
    boolean reserved;
    int deliveryCount;
    State state = State.GONE;

    QueueEntry(long id, MessageData message, boolean stored, int deliveryCount) {
        this.id = id;
        this.message = message;
        this.size = message.estimatedSize();
        this.stored = stored;
        this.deliveryCount = deliveryCount;
    }

    @Override
    public String toString() {
        return "message " + id + " (" + message.messageId() + ")";
    }
}
