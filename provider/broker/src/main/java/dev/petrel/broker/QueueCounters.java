package dev.petrel.broker;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What management shows of one queue or subscription: messages waiting (in memory or only in the
 * store), added and acknowledged since the broker started.
 *
 * <p>Threading: written by the queue's serial executor and by management commands after their
 * store write; read from any thread (atomics, so a listing never posts to the queue).
 */
final class QueueCounters {
    private final AtomicLong depth = new AtomicLong();
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();

    /** Recovery found {@code count} references in the store. */
    void recovered(long count) {
        depth.addAndGet(count);
    }

    /** A new message arrived (counted when its arrival is posted, so a completed send shows at once). */
    void arrived() {
        depth.incrementAndGet();
        in.incrementAndGet();
    }

    /** A consumer acknowledged a message (its removal is counted by {@link #removed}). */
    void acknowledged() {
        out.incrementAndGet();
    }

    /** Messages left the queue for good (acknowledged, moved, expired, purged). */
    void removed(long count) {
        depth.addAndGet(-count);
    }

    long depth() {
        return Math.max(0, depth.get());
    }

    long messagesIn() {
        return in.get();
    }

    long messagesOut() {
        return out.get();
    }
}
