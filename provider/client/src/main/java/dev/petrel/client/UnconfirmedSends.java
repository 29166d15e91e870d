package dev.petrel.client;

import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Sends that return without waiting for the broker's answer, in one of two kinds:
 * <ul>
 * <li>{@link Kind#NON_PERSISTENT}: one producer's non-persistent sends outside a transaction (as
 * ActiveMQ's and Artemis's by default; {@code blockOnNonPersistentSend=true} turns it off). A send
 * the broker refuses afterwards is logged at WARN, and its exception is thrown (once) by the
 * producer's next send or by its close — never lost silently.</li>
 * <li>{@link Kind#TRANSACTED}: one transacted session's sends; nothing is durable before the commit,
 * so only the commit waits. A refusal is kept until the transaction ends: every later send throws
 * it, and the commit rolls the transaction back ({@link PetrelSession#commit}).</li>
 * </ul>
 * A refusal the broker gives at once (in-VM) is thrown by the send itself. At most {@link #WINDOW}
 * are unconfirmed at a time: past that a send waits, so a broker that holds sends for memory
 * (producer flow control) slows the producer down instead of filling its heap.
 *
 * <p>Thread-safety: {@link #send}, {@link #throwFailure}, {@link #awaitAll} and {@link #forget} from
 * the sending thread (the session's); completions arrive on any thread.
 */
final class UnconfirmedSends {
    private static final Logger LOG = LoggerFactory.getLogger(UnconfirmedSends.class);
    static final int WINDOW = 1_000;
    private static final long ANSWER_WAIT_SECONDS = 60;

    private final Semaphore window = new Semaphore(WINDOW);
    private final AtomicReference<JMSException> failure = new AtomicReference<>();
    private final String owner;
    private final Kind kind;

    enum Kind {
        NON_PERSISTENT("non-persistent"), TRANSACTED("transacted");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    UnconfirmedSends(String owner, Kind kind) {
        this.owner = owner;
        this.kind = kind;
    }

    /** Throws an earlier refusal, then starts the send without waiting for the broker's answer. */
    void send(Supplier<CompletionStage<Void>> send, String what) throws JMSException {
        throwFailure();
        try {
            window.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.wrap("interrupted while waiting for room among " + WINDOW
                    + " unconfirmed " + kind.label + " sends", e);
        }
        CompletionStage<Void> stage;
        try {
            stage = send.get();
        } catch (RuntimeException | Error e) {
            window.release();
            throw e;
        }
        CompletableFuture<Void> answer = stage.toCompletableFuture();
        if (answer.isDone()) {
            window.release();
            try {
                answer.join();
            } catch (RuntimeException e) {
                throw JmsExceptions.unwrap(e);
            }
            return;
        }
        answer.whenComplete((ignored, error) -> {
            if (error != null) {
                JMSException refused = JmsExceptions.unwrap(error);
                LOG.warn("{}: {} {} was refused by the broker after the send returned: {}", owner, kind.label,
                        what, refused.getMessage());
                failure.compareAndSet(null, refused);
            }
            // only now: a waiter that gets the permit must find the refusal
            window.release();
        });
    }

    /** Throws the first refusal of a send that had already returned: once, or until {@link #forget} when transacted. */
    void throwFailure() throws JMSException {
        JMSException refused = kind == Kind.TRANSACTED ? failure.get() : failure.getAndSet(null);
        if (refused != null) {
            throw refused;
        }
    }

    /** Waits for every unconfirmed send to be answered (bounded) and forgets any refusal: the transaction ended. */
    void forget() throws JMSException {
        try {
            awaitAnswers();
        } finally {
            failure.set(null);
        }
    }

    /** Waits until every unconfirmed send is answered (bounded), then throws an earlier refusal. */
    void awaitAll() throws JMSException {
        awaitAnswers();
        throwFailure();
    }

    private void awaitAnswers() throws JMSException {
        try {
            if (!window.tryAcquire(WINDOW, ANSWER_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new JMSException(owner + ": " + (WINDOW - window.availablePermits()) + " " + kind.label
                        + " send(s) still unanswered by the broker after " + ANSWER_WAIT_SECONDS + " s");
            }
            window.release(WINDOW);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsExceptions.wrap("interrupted while waiting for unconfirmed " + kind.label + " sends", e);
        }
    }
}
