package dev.petrel.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The deliveries a session's application has seen and not yet acknowledged or committed, in the
 * order it saw them, plus deliveries that reached a consumer closing at that moment and so were
 * never seen ("orphans"), which go back to the broker at the next rollback or recover.
 *
 * <p>Thread-safety: synchronized; the session's listener thread and application threads use it.
 */
final class SessionLedger {

    private final LinkedHashSet<Long> seen = new LinkedHashSet<>();
    private final List<Long> orphans = new ArrayList<>();

    synchronized void seen(long deliveryId) {
        seen.add(deliveryId);
    }

    /** Removes one delivery; false when it was no longer there (e.g. a listener recovered its session). */
    synchronized boolean remove(long deliveryId) {
        return seen.remove(deliveryId);
    }

    synchronized List<Long> seenSnapshot() {
        return new ArrayList<>(seen);
    }

    synchronized void removeAll(Collection<Long> deliveryIds) {
        seen.removeAll(deliveryIds);
    }

    synchronized void orphan(Collection<Long> deliveryIds) {
        orphans.addAll(deliveryIds);
    }

    synchronized List<Long> takeOrphans() {
        List<Long> taken = new ArrayList<>(orphans);
        orphans.clear();
        return taken;
    }
}
