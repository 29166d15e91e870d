package dev.petrel.broker;

import dev.petrel.message.MessageData;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A session on the broker: the deliveries it holds and, when transacted, its buffered sends.
 *
 * <p>Threading: every method is synchronized on the session and does nothing else under the lock
 * (no callbacks, no waiting), so queue executors and client threads may call it freely.
 */
final class SessionState {
    final long id;
    final boolean transacted;
    final Set<Long> consumerIds = ConcurrentHashMap.newKeySet();
    final Set<Long> browserIds = ConcurrentHashMap.newKeySet();
    private final Map<Long, DeliveryRecord> deliveries = new LinkedHashMap<>();
    private final List<MessageData> bufferedSends = new ArrayList<>();
    private boolean closed;
    /** The XA branch the session is associated with, or null (see {@link XaTransactions}). */
    volatile XaBranch branch;

    SessionState(long id, boolean transacted) {
        this.id = id;
        this.transacted = transacted;
    }

    /** Records a delivery; false when the session is already closed (then it must not be delivered). */
    synchronized boolean track(DeliveryRecord delivery) {
        if (closed) {
            return false;
        }
        deliveries.put(delivery.deliveryId(), delivery);
        return true;
    }

    /** Removes and returns the deliveries with these ids; ids the session no longer holds are skipped. */
    synchronized List<DeliveryRecord> take(Collection<Long> deliveryIds) {
        List<DeliveryRecord> taken = new ArrayList<>();
        if (deliveryIds != null) {
            for (Long id : deliveryIds) {
                DeliveryRecord d = deliveries.remove(id);
                if (d != null) {
                    taken.add(d);
                }
            }
        }
        return taken;
    }

    /** How many deliveries to this consumer the session holds (for management). */
    synchronized int inFlight(long consumerId) {
        int n = 0;
        for (DeliveryRecord d : deliveries.values()) {
            if (d.consumerId() == consumerId) {
                n++;
            }
        }
        return n;
    }

    synchronized void buffer(MessageData message) {
        bufferedSends.add(message);
    }

    synchronized List<MessageData> drainSends() {
        List<MessageData> sends = new ArrayList<>(bufferedSends);
        bufferedSends.clear();
        return sends;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Marks the session closed, discards buffered sends and returns every delivery it held. */
    synchronized List<DeliveryRecord> close() {
        closed = true;
        bufferedSends.clear();
        List<DeliveryRecord> all = new ArrayList<>(deliveries.values());
        deliveries.clear();
        return all;
    }

    /** Drops the association with {@code rolledBack} (forgotten after a timeout), if it is still the session's. */
    void leave(XaBranch rolledBack) {
        if (branch == rolledBack) {
            branch = null;
        }
    }
}
