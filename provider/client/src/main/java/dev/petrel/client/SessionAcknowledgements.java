package dev.petrel.client;

import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * One session's acknowledgement bookkeeping and the broker calls built on it: the deliveries the
 * application has seen and not yet acknowledged or committed, in the order it saw them, and the
 * deliveries that reached a consumer while it closed and so were never seen ("orphans"), which go
 * back to the broker at the next rollback or recover. Commit, rollback, recover and acknowledge
 * hand exactly these lists to the broker, so no delivery is lost or duplicated.
 *
 * <p>AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE acknowledgements are pipelined: the acknowledgement
 * of a consumed message is started without waiting ({@link #consumed}), and the session waits for
 * it before it hands the application its next message ({@link #beforeNextMessage}), and before
 * close and recover ({@link #awaitAcknowledged}). In AUTO mode at most one acknowledgement is ever
 * in flight, so only the last consumed message can come back after a failure (JMS 3.1 §6.2.10);
 * DUPS_OK lets up to {@value #DUPS_OK_IN_FLIGHT} be in flight, as that mode allows duplicates. While
 * only acknowledgements of non-persistent messages are in flight, up to
 * {@value #NON_PERSISTENT_IN_FLIGHT} may stay so: such a message is not kept across a broker failure
 * anyway, and waiting a round trip per message would cap a consumer at one message per round trip. A
 * failed acknowledgement is thrown by the next of those calls, once.
 *
 * <p>Thread-safety: the bookkeeping is synchronized; the session's listener thread and application
 * threads use it. Broker calls are made, and acknowledgements awaited, without holding the lock.
 */
final class SessionAcknowledgements {

    /** How many DUPS_OK acknowledgements may still be in flight when the next message is handed out. */
    static final int DUPS_OK_IN_FLIGHT = 32;
    /** How many acknowledgements of non-persistent messages may stay in flight (none of a persistent one is). */
    static final int NON_PERSISTENT_IN_FLIGHT = 256;

    private final Supplier<BrokerConnection> broker;
    private final long sessionId;
    private final int mode;
    private final LinkedHashSet<Long> seen = new LinkedHashSet<>();
    private final List<Long> orphans = new ArrayList<>();
    private final ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    /** How many of {@link #inFlight} acknowledge a persistent message; guarded by this. */
    private final ArrayDeque<CompletableFuture<Void>> persistentInFlight = new ArrayDeque<>();

    SessionAcknowledgements(Supplier<BrokerConnection> broker, long sessionId, int mode) {
        this.broker = broker;
        this.sessionId = sessionId;
        this.mode = mode;
    }

    /** AUTO_ACKNOWLEDGE or DUPS_OK_ACKNOWLEDGE: each consumed message is acknowledged by the session. */
    boolean isAutoAcknowledging() {
        return mode == Session.AUTO_ACKNOWLEDGE || mode == Session.DUPS_OK_ACKNOWLEDGE;
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

    /**
     * The application consumed a delivery (receive returned it, or the listener returned): in AUTO
     * and DUPS_OK mode its acknowledgement starts now, unless a recover inside the listener already
     * returned it. Does not wait for the broker; see {@link #beforeNextMessage}.
     */
    void consumed(long deliveryId, boolean persistent) {
        if (!isAutoAcknowledging() || !remove(deliveryId)) {
            return;
        }
        CompletableFuture<Void> ack;
        try {
            ack = broker.get().acknowledgeAsync(sessionId, List.of(deliveryId)).toCompletableFuture();
        } catch (RuntimeException e) {
            ack = CompletableFuture.failedFuture(e);
        }
        synchronized (this) {
            inFlight.addLast(ack);
            if (persistent) {
                persistentInFlight.addLast(ack);
            }
        }
    }

    /**
     * Before a message is handed to the application: waits for the acknowledgements still in flight
     * (AUTO: all of them; DUPS_OK: all but the last {@value #DUPS_OK_IN_FLIGHT}) and throws the
     * first that failed.
     */
    void beforeNextMessage() throws JMSException {
        awaitAcknowledged(mode == Session.DUPS_OK_ACKNOWLEDGE ? DUPS_OK_IN_FLIGHT : 0, true);
    }

    /** Waits for every acknowledgement in flight (before close and recover); throws the first that failed. */
    void awaitAcknowledged() throws JMSException {
        awaitAcknowledged(0, false);
    }

    private void awaitAcknowledged(int mayStayInFlight, boolean nonPersistentMayStay) throws JMSException {
        JMSException failure = null;
        while (true) {
            CompletableFuture<Void> oldest;
            synchronized (this) {
                oldest = inFlight.peekFirst();
                int allowed = nonPersistentMayStay && persistentInFlight.isEmpty() ? Math.max(mayStayInFlight, NON_PERSISTENT_IN_FLIGHT)
                        : mayStayInFlight;
                if (oldest == null || (inFlight.size() <= allowed && !oldest.isDone())) {
                    break;
                }
                inFlight.pollFirst();
                if (persistentInFlight.peekFirst() == oldest) {
                    persistentInFlight.pollFirst();
                }
            }
            try {
                oldest.join();
            } catch (CompletionException | CancellationException e) {
                JMSException cause = JmsExceptions.unwrap(e);
                if (failure == null) {
                    failure = cause;
                } else if (cause != failure) {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
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
        awaitAcknowledged();
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
