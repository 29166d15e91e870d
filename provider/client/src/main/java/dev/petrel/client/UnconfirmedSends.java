package dev.petrel.client;

import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One producer's non-persistent sends outside a transaction that return without waiting for the
 * broker (as ActiveMQ's and Artemis's do by default; {@code blockOnNonPersistentSend=true} turns it
 * off). At most {@link #WINDOW} are unconfirmed at a time: past that a send waits, so a broker that
 * holds sends for memory (producer flow control) slows the producer down instead of filling its heap.
 * A send the broker refuses afterwards is logged at WARN, and its exception is thrown by the
 * producer's next send or by its close — never lost silently.
 *
 * <p>Thread-safety: {@link #send}, {@link #throwFailure} and {@link #awaitAll} from the producer's
 * thread; completions arrive on any thread.
 */
final class UnconfirmedSends {
    private static final Logger LOG = LoggerFactory.getLogger(UnconfirmedSends.class);
    static final int WINDOW = 1_000;
    private static final long CLOSE_WAIT_SECONDS = 60;

    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicReference<JMSException> failure = new AtomicReference<>();
    private final String producer;

    UnconfirmedSends(String producer) {
        this.producer = producer;
    }

    /** Throws an earlier refusal, then starts the send without waiting for the broker's answer. */
    void send(Supplier<CompletionStage<Void>> send, String what) throws JMSException {
        throwFailure();
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.wrap("interrupted while waiting for room among " + WINDOW
                    + " unconfirmed non-persistent sends", e);
        }
        CompletionStage<Void> stage;
        try {
            stage = send.get();
        } catch (RuntimeException | Error e) {
            window.release();
            throw e;
        }
        stage.whenComplete((ignored, error) -> {
            window.release();
            if (error != null) {
                JMSException refused = JmsExceptions.unwrap(error);
                LOG.warn("{}: non-persistent {} was refused by the broker after the send returned: {}", producer,
                        what, refused.getMessage());
                failure.compareAndSet(null, refused);
            }
        });
    }

    /** Throws (once) the first refusal of a send that had already returned. */
    void throwFailure() throws JMSException {
        JMSException refused = failure.getAndSet(null);
        if (refused != null) {
            throw refused;
        }
    }

    /** Waits until every unconfirmed send is answered (bounded), then throws an earlier refusal. */
    void awaitAll() throws JMSException {
        try {
            if (!window.tryAcquire(WINDOW, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new JMSException(producer + ": " + (WINDOW - window.availablePermits())
                        + " non-persistent send(s) still unanswered by the broker after " + CLOSE_WAIT_SECONDS + " s");
            }
            window.release(WINDOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.wrap("interrupted while waiting for unconfirmed non-persistent sends", e);
        }
        throwFailure();
    }
}
