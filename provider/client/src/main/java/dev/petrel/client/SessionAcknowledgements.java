package dev.petrel.client;

import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * One session's acknowledgement bookkeeping and the broker calls built on it: the deliveries the
 * application has seen and not yet acknowledged or committed, in the order it saw them, and the
 * deliveries that reached a consumer while it closed and so were never seen ("orphans"), which go
 * back to the broker at the next rollback or recover. Commit, rollback, recover and acknowledge
 * hand exactly these lists to the broker, so no delivery is lost or duplicated.
 *
 * <p>Thread-safety: the bookkeeping is synchronized; the session's listener thread and application
 * threads use it. Broker calls are made without holding the lock.
 */
final class SessionAcknowledgements {

    private final Supplier<BrokerConnection> broker;
    private final long sessionId;
    private final LinkedHashSet<Long> seen = new LinkedHashSet<>();
    private final List<Long> orphans = new ArrayList<>();

    SessionAcknowledgements(Supplier<BrokerConnection> broker, long sessionId) {
        this.broker = broker;
        this.sessionId = sessionId;
    }

    /** The application saw a delivery (receive returned it, or a listener is about to get it). */
    synchronized void seen(long deliveryId) {
        seen.add(deliveryId);
    }

    synchronized List<Long> seenSnapshot() {
        return new ArrayList<>(seen);
    }

    private synchronized boolean remove(long deliveryId) {
        return seen.remove(deliveryId);
    }

    private synchronized void removeAll(Collection<Long> deliveryIds) {
        seen.removeAll(deliveryIds);
    }

    /** Deliveries that arrived for a closing consumer: never seen, returned at the next rollback or recover. */
    synchronized void orphan(Collection<Long> deliveryIds) {
        orphans.addAll(deliveryIds);
    }

    private synchronized List<Long> takeOrphans() {
        List<Long> taken = new ArrayList<>(orphans);
        orphans.clear();
        return taken;
    }

    /** AUTO/DUPS_OK: acknowledges one consumed delivery, unless a recover inside the listener already returned it. */
    void acknowledgeOne(long deliveryId) throws JMSException {
        if (remove(deliveryId)) {
            broker.get().acknowledge(sessionId, List.of(deliveryId));
        }
    }

    /** CLIENT_ACKNOWLEDGE: acknowledges every delivery seen so far. */
    void acknowledgeAll() throws JMSException {
        List<Long> consumed = seenSnapshot();
        if (consumed.isEmpty()) {
            return;
        }
        broker.get().acknowledge(sessionId, consumed);
        removeAll(consumed);
    }

    /** Commits the seen deliveries; they are settled also when the broker rolled back instead. */
    void commit() throws JMSException {
        List<Long> consumed = seenSnapshot();
        try {
            broker.get().commit(sessionId, consumed);
        } catch (TransactionRolledBackException e) {
            removeAll(consumed);
            throw e;
        }
        removeAll(consumed);
    }

    /**
     * Rollback or recover: the seen deliveries come back redelivered, the buffered (not seen) ones
     * unchanged; the buffered ones are taken out of the consumers' buffers first, in order, and
     * their credit is granted again afterwards.
     */
    void returnDeliveries(boolean rollback, List<PetrelMessageConsumer> consumers) throws JMSException {
        List<Long> consumed = seenSnapshot();
        List<Long> notSeen = new ArrayList<>(takeOrphans());
        List<PetrelMessageConsumer> drainedFrom = new ArrayList<>();
        for (PetrelMessageConsumer consumer : consumers) {
            List<Long> drained = consumer.drainBuffer();
            if (!drained.isEmpty()) {
                notSeen.addAll(drained);
                drainedFrom.add(consumer);
            }
        }
        try {
            if (rollback) {
                broker.get().rollback(sessionId, consumed, notSeen);
            } else {
                broker.get().recover(sessionId, consumed, notSeen);
            }
        } finally {
            removeAll(consumed);
            for (PetrelMessageConsumer consumer : drainedFrom) {
                consumer.releaseReturnedCredit();
            }
        }
    }
}
