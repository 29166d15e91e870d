package dev.petrel.broker;

import dev.petrel.message.DestinationRef;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A topic: the subscriptions it copies each published message to. A topic holds no messages
 * itself; each subscription is a {@link MessageQueue}.
 *
 * <p>Threading: the subscription list is copy-on-write; {@link Destinations} changes it under its
 * lock, publishers read a snapshot without locking.
 */
final class BrokerTopic {
    final DestinationRef ref;
    /** The owning connection of a temporary topic, else null. */
    final LocalConnection owner;
    final List<MessageQueue> subscriptions = new CopyOnWriteArrayList<>();
    /** Messages published to it since the broker started (for management). */
    final java.util.concurrent.atomic.LongAdder published = new java.util.concurrent.atomic.LongAdder();

    BrokerTopic(DestinationRef ref, LocalConnection owner) {
        this.ref = ref;
        this.owner = owner;
    }
}
