package dev.petrel.client;

import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The two threads of one session: the delivery thread, on which all its message listeners run one
 * at a time, and the completion thread, on which the completion listeners of its asynchronous sends
 * run, in send order. Both are created on first use and end when the session closes.
 *
 * <p>Thread-safety: all methods may be called from any thread. {@link #awaitListenerIdle} and
 * {@link #awaitSendsComplete} block; callers must not call them from the thread they wait for.
 */
final class SessionDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SessionDispatcher.class);

    private final String name;
    private final Object lock = new Object();
    private ExecutorService deliveryExecutor;
    private ExecutorService completionExecutor;
    private volatile Thread deliveryThread;
    private volatile Thread completionThread;
    private boolean listenerRunning;
    private boolean shutDown;
    private CompletableFuture<Void> sendChain = CompletableFuture.completedFuture(null);

    SessionDispatcher(String name) {
        this.name = name;
    }

    boolean isDeliveryThread(Thread thread) {
        return thread == deliveryThread;
    }

    boolean isCompletionThread(Thread thread) {
        return thread == completionThread;
    }

    /** Queues a listener task on the delivery thread; ignored once the session closed. */
    void submit(Runnable task) {
        synchronized (lock) {
            if (shutDown) {
                return;
            }
            if (deliveryExecutor == null) {
                deliveryExecutor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, name + "-delivery");
                    t.setDaemon(true);
                    deliveryThread = t;
                    return t;
                });
            }
            deliveryExecutor.execute(task);
        }
    }

    /**
     * Runs {@code listenerCall} (on the delivery thread) as a running listener, when {@code mayRun}
     * (checked under the lock, e.g. "the connection is started") still holds.
     */
    void runListener(BooleanSupplier mayRun, Runnable listenerCall) {
        synchronized (lock) {
            if (shutDown || !mayRun.getAsBoolean()) {
                return;
            }
            listenerRunning = true;
        }
        try {
            listenerCall.run();
        } finally {
            synchronized (lock) {
                listenerRunning = false;
                lock.notifyAll();
            }
        }
    }

    /** Waits until no listener of this session runs (returns at once on the delivery thread itself). */
    void awaitListenerIdle() {
        if (Thread.currentThread() == deliveryThread) {
            return;
        }
        synchronized (lock) {
            while (listenerRunning) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Chains an asynchronous send: when {@code stage} completes, and after every earlier send's
     * callback ran, {@code onSuccess} or {@code onFailure} runs on the completion thread.
     */
    void chainCompletion(CompletionStage<Void> stage, Runnable onSuccess, Consumer<JMSException> onFailure) {
        synchronized (lock) {
            if (completionExecutor == null) {
                completionExecutor = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, name + "-completion");
                    t.setDaemon(true);
                    completionThread = t;
                    return t;
                });
            }
            ExecutorService executor = completionExecutor;
            CompletableFuture<Throwable> outcome = stage.toCompletableFuture().handle((ok, failure) -> failure);
            sendChain = sendChain
                    .thenCombine(outcome, (previous, failure) -> failure)
                    .thenAcceptAsync(failure -> invoke(failure, onSuccess, onFailure), executor)
                    .exceptionally(unexpected -> {
                        LOG.error("{}: completion listener chain failed", name, unexpected);
                        return null;
                    });
        }
    }

    private void invoke(Throwable failure, Runnable onSuccess, Consumer<JMSException> onFailure) {
        try {
            if (failure == null) {
                onSuccess.run();
            } else {
                onFailure.accept(JmsExceptions.unwrap(failure));
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: a CompletionListener threw; the exception is not propagated further", name, e);
        }
    }

    /** Waits until every asynchronous send so far has completed and its callback ran. */
    void awaitSendsComplete() throws JMSException {
        CompletableFuture<Void> chain;
        synchronized (lock) {
            chain = sendChain;
        }
        try {
            chain.join();
        } catch (RuntimeException e) {
            throw JmsExceptions.unwrap(e);
        }
    }

    /** Stops accepting listener tasks; waits for a running listener unless called on the delivery thread. */
    void shutdownDelivery() {
        synchronized (lock) {
            shutDown = true;
        }
        awaitListenerIdle();
    }

    /** Ends both threads (after {@link #shutdownDelivery} and {@link #awaitSendsComplete}). */
    void stopThreads() {
        synchronized (lock) {
            if (deliveryExecutor != null) {
                deliveryExecutor.shutdown();
            }
            if (completionExecutor != null) {
                completionExecutor.shutdown();
            }
        }
    }
}
