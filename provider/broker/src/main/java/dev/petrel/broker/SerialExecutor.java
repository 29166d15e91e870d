package dev.petrel.broker;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the tasks handed to it one at a time, in order, on a shared pool: the single writer of one
 * destination's state. Tasks must not block on other serial executors (they may post to them).
 *
 * <p>Thread-safety: {@link #execute} may be called from any thread. After a batch of tasks the
 * executor yields its pool thread so that one busy destination cannot starve the others.
 */
final class SerialExecutor implements Executor {
    private static final Logger LOG = LoggerFactory.getLogger(SerialExecutor.class);
    private static final int TASKS_PER_TURN = 64;

    private final Executor pool;
    private final String name;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        submitTurn();
    }

    private void submitTurn() {
        try {
            pool.execute(this::runTurn);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: broker is shutting down, {} task(s) dropped", name, tasks.size());
            synchronized (tasks) {
                tasks.clear();
                scheduled = false;
            }
        }
    }

    private void runTurn() {
        for (int i = 0; i < TASKS_PER_TURN; i++) {
            Runnable task;
            synchronized (tasks) {
                task = tasks.poll();
                if (task == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("{}: a task failed", name, e);
            }
        }
        submitTurn();
    }

    @Override
    public String toString() {
        return name;
    }
}
