package dev.petrel.bench.scenario;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * One producer on its own connection, numbering its messages 0, 1, 2, ... Sends until stopped, until
 * {@code limit} messages, or (paced) one message per {@code intervalNanos} from {@code startNanos}
 * until {@link #endAt}, each carrying its intended send time; a paced producer behind its schedule
 * sends flat out but stops at the end, leaving the rest of the schedule unsent. Transacted when {@code batch > 0}:
 * commits every {@code batch} sends and once more at the end.
 *
 * <p>Threading: runs on its own thread; {@link #sent()} is read after that thread is joined.
 */
final class ProducerLoop implements Runnable {
    private final ConnectionFactory factory;
    private final Target target;
    private final int producerId;
    private final boolean persistent;
    private final int batch;
    private final long limit;
    private final AtomicBoolean stop;
    private long startNanos;
    private long intervalNanos;
    /** Written by the scenario thread while the producer runs ({@link #endAt}). */
    private volatile long endNanos = Long.MAX_VALUE;
    private volatile long sent;

    ProducerLoop(ConnectionFactory factory, Target target, int producerId, boolean persistent, int batch,
                 long limit, AtomicBoolean stop) {
        this.factory = factory;
        this.target = target;
        this.producerId = producerId;
        this.persistent = persistent;
        this.batch = batch;
        this.limit = limit;
        this.stop = stop;
    }

    /** Paces the loop: message i is intended for {@code start + i * interval}, until {@link #endAt}. */
    ProducerLoop paced(long start, long interval) {
        this.startNanos = start;
        this.intervalNanos = interval;
        return this;
    }

    /** A paced producer sends no message intended at or after {@code end}; may be called while it runs, before {@code end}. */
    void endAt(long end) {
        this.endNanos = end;
    }

    /** Messages confirmed sent (committed, when transacted): sequence numbers 0..sent-1. */
    long sent() {
        return sent;
    }

    @Override
    public void run() {
        try (Connection connection = factory.createConnection()) {
            boolean transacted = batch > 0;
            Session session = connection.createSession(transacted,
                    transacted ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(target.resolve(session));
            producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
            long seq = 0;
            while (!stop.get() && seq < limit) {
                BytesMessage message = BenchMessages.create(session, producerId, seq);
                if (intervalNanos > 0) {
                    long intended = startNanos + seq * intervalNanos;
                    if (intended >= endNanos || System.nanoTime() >= endNanos) {
                        break;
                    }
                    waitUntil(intended);
                    message.setLongProperty(BenchMessages.INTENDED, intended);
                }
                producer.send(message);
                seq++;
                if (!transacted) {
                    sent = seq;
                } else if (seq % batch == 0) {
                    session.commit();
                    sent = seq;
                }
            }
            if (transacted && seq > sent) {
                session.commit();
                sent = seq;
            }
        } catch (Exception e) {
            stop.set(true);
            throw new IllegalStateException("producer " + producerId + " on " + target.name()
                    + " failed after " + sent + " messages: " + e, e);
        }
    }

    private static void waitUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }
}
