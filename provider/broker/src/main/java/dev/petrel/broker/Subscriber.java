package dev.petrel.broker;

import dev.petrel.selector.Selector;

/**
 * A consumer as its queue sees it: where deliveries go, which messages it takes, and its credit.
 *
 * <p>Threading: {@code credit} belongs to the queue's serial executor; the rest is final.
 */
final class Subscriber {
    final long consumerId;
    final LocalConnection connection;
    final SessionState session;
    /** Null selects every message. */
    final Selector selector;
    int credit;

    Subscriber(long consumerId, LocalConnection connection, SessionState session, Selector selector, int credit) {
        this.consumerId = consumerId;
        this.connection = connection;
        this.session = session;
        this.selector = selector;
        this.credit = credit;
    }

    boolean accepts(QueueEntry entry) {
        return selector == null || selector.matches(entry.message);
    }
}
