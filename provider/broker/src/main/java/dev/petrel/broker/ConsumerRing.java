package dev.petrel.broker;

import java.util.ArrayList;
import java.util.List;

/**
 * The consumers of one queue, served round-robin among those with credit whose selector matches.
 *
 * <p>Threading: owned by its queue's serial executor; not thread-safe.
 */
final class ConsumerRing {
    private final List<Subscriber> consumers = new ArrayList<>();
    private int next;

    void add(Subscriber subscriber) {
        consumers.add(subscriber);
    }

    void remove(Subscriber subscriber) {
        consumers.remove(subscriber);
    }

    void clear() {
        consumers.clear();
    }

    boolean isEmpty() {
        return consumers.isEmpty();
    }

    /** Whether this consumer is served here (by identity: consumer ids are only unique per connection). */
    boolean contains(Subscriber subscriber) {
        return consumers.contains(subscriber);
    }

    boolean anyHasCredit() {
        for (Subscriber s : consumers) {
            if (s.credit > 0) {
                return true;
            }
        }
        return false;
    }

    /** The next consumer in turn that has credit and accepts the entry (and moves the turn on), or null. */
    Subscriber pick(QueueEntry entry) {
        int n = consumers.size();
        for (int i = 0; i < n; i++) {
            int index = (next + i) % n;
            Subscriber s = consumers.get(index);
            if (s.credit > 0 && s.accepts(entry)) {
                next = (index + 1) % n;
                return s;
            }
        }
        return null;
    }
}
