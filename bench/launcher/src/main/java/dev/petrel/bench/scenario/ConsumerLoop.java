package dev.petrel.bench.scenario;

import dev.petrel.bench.stats.LongSamples;
import dev.petrel.bench.verify.SequenceLedger;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.concurrent.atomic.LongAdder;

/**
 * One consumer on its own connection, recording every message in a {@link SequenceLedger}.
 * {@link #open()} subscribes (on the caller's thread, so the subscription exists before producers
 * start); {@link #run()} receives until {@link #stop()}. Transacted when {@code batch > 0}: commits
 * every {@code batch} messages and whenever a receive comes back empty. Durable when given a
 * subscription name (its connection gets a client id; {@link #close()} unsubscribes).
 *
 * <p>Threading: open and close on the scenario thread, run on the consumer's own thread; the latency
 * samples are read after that thread is joined.
 */
final class ConsumerLoop implements Runnable, AutoCloseable {
    private static final long RECEIVE_TIMEOUT_MILLIS = 100;

    private final ConnectionFactory factory;
    private final int acknowledgeMode;
    private final Target target;
    private final int consumerIndex;
    private final SequenceLedger ledger;
    private final int batch;
    private final String subscription;
    private final LongAdder deliveries;
    private final LongSamples latencies = new LongSamples();
    /** Written by the scenario thread while the consumer runs. */
    private volatile long latencyFromNanos = Long.MAX_VALUE;
    private volatile boolean stopped;
    private Connection connection;
    private Session session;
    private MessageConsumer consumer;

    ConsumerLoop(ConnectionFactory factory, int acknowledgeMode, Target target, int consumerIndex, SequenceLedger ledger,
                 int batch, String durableSubscription, LongAdder deliveries) {
        this.factory = factory;
        this.acknowledgeMode = acknowledgeMode;
        this.target = target;
        this.consumerIndex = consumerIndex;
        this.ledger = ledger;
        this.batch = batch;
        this.subscription = durableSubscription;
        this.deliveries = deliveries;
    }

    /**
     * Records end-to-end latency (now minus intended send time) of messages intended at or after
     * {@code fromNanos}; may be called while the consumer runs, before {@code fromNanos}.
     */
    void recordLatencyFrom(long fromNanos) {
        this.latencyFromNanos = fromNanos;
    }

    LongSamples latencies() {
        return latencies;
    }

    void open() throws JMSException {
        connection = factory.createConnection();
        if (subscription != null) {
            connection.setClientID("bench-" + target.name() + "-" + subscription);
        }
        boolean transacted = batch > 0;
        session = connection.createSession(transacted, transacted ? Session.SESSION_TRANSACTED : acknowledgeMode);
        consumer = subscription != null
                ? session.createDurableConsumer((Topic) target.resolve(session), subscription)
                : session.createConsumer(target.resolve(session));
        connection.start();
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        boolean transacted = batch > 0;
        int pending = 0;
        try {
            while (!stopped) {
                Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
                if (message == null) {
                    if (transacted && pending > 0) {
                        session.commit();
                        pending = 0;
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (latencyFromNanos != Long.MAX_VALUE && message.propertyExists(BenchMessages.INTENDED)) {
                    long intended = message.getLongProperty(BenchMessages.INTENDED);
                    if (intended >= latencyFromNanos) {
                        latencies.add(now - intended);
                    }
                }
                ledger.record(consumerIndex, BenchMessages.producer(message), BenchMessages.sequence(message));
                deliveries.increment();
                if (transacted && ++pending >= batch) {
                    session.commit();
                    pending = 0;
                }
            }
            if (transacted && pending > 0) {
                session.commit();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("consumer " + consumerIndex + " on " + target.name()
                    + " failed: " + e, e);
        }
    }

    @Override
    public void close() throws JMSException {
        if (connection == null) {
            return;
        }
        try {
            if (consumer != null) {
                consumer.close();
            }
            if (subscription != null && session != null) {
                session.unsubscribe(subscription);
            }
        } finally {
            connection.close();
        }
    }
}
