package dev.petrel.broker.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one connection's broker calls one at a time, in submission order, on threads of a shared
 * pool: at most one task of this executor runs at any moment. Thread-safe. A task that throws is
 * logged and the next one runs.
 */
final class SerialExecutor implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final String name;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();

    SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (queued.getAndIncrement() == 0) {
            pool.execute(this::drain);
        }
    }

    /** Tasks submitted and not finished, the running one included. */
    int queued() {
        return queued.get();
    }

    private void drain() {
        do {
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("task of {} failed", name, e);
            }
        } while (queued.decrementAndGet() > 0);
    }
}
