package dev.petrel.management;

/**
 * A backlog of messages that can be browsed, purged and edited: a queue's, or one topic
 * subscription's. Immutable values; equal when they name the same backlog.
 */
public sealed interface BacklogRef permits QueueRef, SubscriptionRef {

    /** A short phrase naming the backlog for messages: {@code queue 'orders'}. */
    String describe();
}
