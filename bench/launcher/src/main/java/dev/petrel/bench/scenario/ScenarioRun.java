package dev.petrel.bench.scenario;

import dev.petrel.bench.verify.DeliveryCheckException;
import dev.petrel.bench.verify.SequenceLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The threads of one scenario run: consumers (opened before any producer starts) and producers,
 * each on its own thread, with the first failure of any of them rethrown on the scenario thread.
 *
 * <p>Threading: every method is called from the scenario thread.
 */
final class ScenarioRun implements AutoCloseable {
    private static final long POLL_MILLIS = 20;
    private static final long JOIN_MILLIS = 30_000;
    /** After the last expected message, consumers keep receiving this long so a late duplicate is caught. */
    private static final long SETTLE_MILLIS = 150;

    private final String scenarioId;
    private final AtomicBoolean stopProducers = new AtomicBoolean();
    private final List<ConsumerLoop> consumers = new ArrayList<>();
    private final List<ProducerLoop> producers = new ArrayList<>();
    private final List<Thread> consumerThreads = new ArrayList<>();
    private final List<Thread> producerThreads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    ScenarioRun(String scenarioId) {
        this.scenarioId = scenarioId;
    }

    /** The flag that stops every producer of this run. */
    AtomicBoolean producerStop() {
        return stopProducers;
    }

    /** Opens the consumer (subscribing now) and starts its thread. */
    ConsumerLoop startConsumer(ConsumerLoop consumer) throws Exception {
        consumers.add(consumer);
        consumer.open();
        consumerThreads.add(start(consumer, scenarioId + "-consumer-" + consumerThreads.size()));
        return consumer;
    }

    ProducerLoop startProducer(ProducerLoop producer) {
        producers.add(producer);
        producerThreads.add(start(producer, scenarioId + "-producer-" + producerThreads.size()));
        return producer;
    }

    private Thread start(Runnable body, String name) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Sleeps {@code millis}, failing early if any client thread failed. */
    void sleepWatching(long millis) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            rethrowFailure();
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, remaining / 1_000_000)));
        }
        rethrowFailure();
    }

    /**
     * Warms up: sleeps (watching) {@code minimumMillis}, then in {@link JitWarmup#STEP_MILLIS} steps
     * for as long as {@code warmup} says the JIT is still busy.
     */
    void warmUp(JitWarmup warmup, long minimumMillis) throws Exception {
        sleepWatching(minimumMillis);
        while (warmup.keepWarming()) {
            sleepWatching(JitWarmup.STEP_MILLIS);
        }
    }

    /** Waits until {@code condition} holds, failing on a client failure or after {@code timeoutMillis}. */
    void awaitCondition(BooleanSupplier condition, long timeoutMillis, String what) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            rethrowFailure();
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(scenarioId + ": " + what + " did not happen within " + timeoutMillis + " ms");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Stops (if not already finished) and joins every producer; returns what each confirmed sending. */
    long[] stopProducers() throws Exception {
        stopProducers.set(true);
        return joinProducers(JOIN_MILLIS);
    }

    /** Joins producers that stop by themselves (a count or a schedule), failing after {@code timeoutMillis}. */
    long[] joinProducers(long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        for (Thread thread : producerThreads) {
            while (thread.isAlive() && System.nanoTime() < deadline) {
                rethrowFailure();
                thread.join(POLL_MILLIS);
            }
            if (thread.isAlive()) {
                rethrowFailure();
                throw new TimeoutException(scenarioId + ": " + thread.getName() + " still sending "
                        + timeoutMillis + " ms after its deadline (a send or commit is blocked)");
            }
        }
        rethrowFailure();
        long[] sent = new long[producers.size()];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = producers.get(i).sent();
        }
        return sent;
    }

    /**
     * Waits until every ledger has every message sent (and a moment more, for late duplicates), then
     * stops the consumers and verifies each ledger.
     *
     * @throws DeliveryCheckException on loss (including messages still missing at the deadline), duplicates, reordering
     */
    void drainAndVerify(List<SequenceLedger> ledgers, long[] sent, long timeoutMillis) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        for (SequenceLedger ledger : ledgers) {
            while (!ledger.hasAll(sent) && System.nanoTime() < deadline) {
                rethrowFailure();
                Thread.sleep(POLL_MILLIS);
            }
        }
        sleepWatching(SETTLE_MILLIS);
        stopConsumers();
        for (SequenceLedger ledger : ledgers) {
            ledger.verify(sent);
        }
    }

    void stopConsumers() throws Exception {
        consumers.forEach(ConsumerLoop::stop);
        for (Thread thread : consumerThreads) {
            thread.join(JOIN_MILLIS);
            if (thread.isAlive()) {
                throw new TimeoutException(scenarioId + ": " + thread.getName() + " did not stop within " + JOIN_MILLIS + " ms");
            }
        }
        rethrowFailure();
    }

    private void rethrowFailure() throws Exception {
        Throwable failure = failures.peek();
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    /** Stops everything still running and closes every consumer (unsubscribing durable ones). */
    @Override
    public void close() throws Exception {
        stopProducers.set(true);
        consumers.forEach(ConsumerLoop::stop);
        for (Thread thread : producerThreads) {
            thread.join(JOIN_MILLIS);
        }
        for (Thread thread : consumerThreads) {
            thread.join(JOIN_MILLIS);
        }
        Exception first = null;
        for (ConsumerLoop consumer : consumers) {
            try {
                consumer.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
