package dev.petrel.protocol;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import jakarta.jms.JMSException;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Everything a JMS connection asks of the broker: the one boundary between the client and the
 * broker. The in-VM transport implements it with direct calls into an embedded broker; the TCP
 * transport implements it by sending frames and the broker's connection handler decodes them back
 * into calls on the broker's own implementation. Nothing above this interface knows which transport
 * it runs on.
 *
 * <p>Identifiers: the client chooses session, consumer and browser ids (unique within this
 * connection); the broker chooses delivery ids (unique within this connection, increasing).
 *
 * <p>Thread-safety: every method may be called from any client thread. Blocking methods return when
 * the broker has done the work (for a persistent send: when it is durable). The broker calls back
 * through the {@link ClientHandler} given at connect time.
 *
 * <p>Errors are the JMS exceptions the spec names ({@code InvalidDestinationException},
 * {@code InvalidSelectorException}, {@code IllegalStateException}, {@code InvalidClientIDException},
 * {@code JMSSecurityException}, ...), with a message that says what was wrong.
 */
public interface BrokerConnection extends AutoCloseable {

    /** The broker-assigned identity of this connection. */
    ConnectionInfo info();

    /**
     * Sets this connection's client id. Throws {@code InvalidClientIDException} when another
     * connection of the broker already uses it.
     */
    void setClientId(String clientId) throws JMSException;

    /** Opens a session. {@code acknowledgeMode} is a {@code Session} constant, {@code SESSION_TRANSACTED} for local transactions. */
    void createSession(long sessionId, int acknowledgeMode) throws JMSException;

    /**
     * Closes a session: a transacted session's uncommitted sends are discarded; every delivery the
     * session still holds (unacknowledged, or uncommitted) goes back to its queue; deliveries in
     * {@code seenByApplication} come back with {@code JMSRedelivered} and an incremented delivery
     * count, the rest unchanged. Its consumers and browsers are closed.
     */
    void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException;

    /**
     * Sends a message. In a non-transacted session the stage completes when the broker has accepted
     * it: for a persistent message, only once it is durable on disk. In a transacted session the
     * broker buffers it until {@link #commit}; the stage completes when it is buffered. The stage
     * completes exceptionally with a {@code JMSException} (e.g. {@code InvalidDestinationException}).
     * Destinations that do not exist are created when auto-creation is on.
     *
     * @param sessionId the sending session (its transaction, its connection for noLocal)
     */
    CompletionStage<Void> send(long sessionId, MessageData message);

    /**
     * {@link #send}, returning once the stage has completed (a synchronous send). An in-VM connection
     * may then do the broker's work in the calling thread instead of handing it to another.
     *
     * @throws JMSException the stage's failure
     */
    default void sendAndWait(long sessionId, MessageData message) throws JMSException {
        await(send(sessionId, message), "send");
    }

    /**
     * Creates a consumer. The broker then delivers through {@link ClientHandler#deliver} while the
     * consumer has credit ({@link #grantCredit}); its initial credit is {@code spec.prefetch()}.
     */
    void createConsumer(long sessionId, long consumerId, ConsumerSpec spec) throws JMSException;

    /**
     * Closes a consumer. Deliveries in {@code notSeen} (delivered to the client but never given to
     * the application) go back to the queue unchanged; deliveries the application has seen stay with
     * the session until it acknowledges, commits, rolls back, recovers or closes.
     */
    void closeConsumer(long consumerId, List<Long> notSeen) throws JMSException;

    /** Allows the broker to deliver {@code messages} more messages to the consumer. Never blocks on the broker's work. */
    void grantCredit(long consumerId, int messages);

    /**
     * Asks the broker to deliver one message to the consumer now, if its queue has one the consumer
     * may take (matching, not expired, due), whatever its credit. Returns after that delivery (if
     * any) has been handed to {@link ClientHandler#deliver}; true when one was. Used by
     * {@code receiveNoWait()} and at the end of a timed {@code receive} so that messages already on
     * the queue are never missed.
     */
    boolean pull(long consumerId) throws JMSException;

    /**
     * Acknowledges deliveries of a non-transacted session (AUTO, DUPS_OK: each consumed message;
     * CLIENT: every message consumed by the session so far) without waiting: the broker takes the
     * deliveries from the session before this returns (a later call of this connection, such as
     * {@link #closeSession} or {@link #recover}, no longer sees them), and the stage completes once
     * persistent acknowledgements are durable, or exceptionally with a {@code JMSException} (e.g.
     * the store failed, the connection was lost). Does not wait for a remote broker's answer (an in-VM
     * broker may write to its store in the calling thread when the store is idle, as the session waits
     * for the stage before its next message anyway); the stage may complete on a transport thread.
     */
    CompletionStage<Void> acknowledgeAsync(long sessionId, List<Long> deliveryIds);

    /** {@link #acknowledgeAsync} and waits for its stage: returns once persistent acknowledgements are durable. */
    default void acknowledge(long sessionId, List<Long> deliveryIds) throws JMSException {
        await(acknowledgeAsync(sessionId, deliveryIds), "acknowledge of session " + sessionId);
    }

    /** Waits for {@code stage}; its failure is thrown as the {@code JMSException} it carries, or wrapped in one. */
    private static void await(CompletionStage<Void> stage, String what) throws JMSException {
        Throwable failure;
        try {
            stage.toCompletableFuture().get();
            return;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            failure = e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        }
        while (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof JMSException jms) {
            throw jms;
        }
        JMSException wrapped = new JMSException(what + " failed: " + failure);
        if (failure instanceof Exception exception) {
            wrapped.setLinkedException(exception);
        }
        wrapped.initCause(failure);
        throw wrapped;
    }

    /**
     * Commits a transacted session: its buffered sends and the acknowledgement of {@code consumed}
     * become durable atomically. Throws {@code TransactionRolledBackException} (with the reason)
     * when the broker could not commit and rolled back instead.
     */
    void commit(long sessionId, List<Long> consumed) throws JMSException;

    /**
     * Rolls back a transacted session: buffered sends are discarded; {@code consumed} deliveries are
     * redelivered with {@code JMSRedelivered} and an incremented delivery count (or dead-lettered
     * past the limit); {@code notSeen} go back unchanged.
     */
    void rollback(long sessionId, List<Long> consumed, List<Long> notSeen) throws JMSException;

    /** {@code Session.recover()}: as {@link #rollback} for the unacknowledged deliveries, without sends. */
    void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) throws JMSException;

    /**
     * Deletes a durable subscription of this connection's client id (or the shared durable one with
     * no client id when none is set). {@code InvalidDestinationException} when there is none;
     * {@code IllegalStateException} while it has an active consumer.
     */
    void unsubscribe(String subscriptionName) throws JMSException;

    /** Creates a temporary queue or topic owned by this connection (the client picks the unique name). */
    void createTemporaryDestination(DestinationRef destination) throws JMSException;

    /** Deletes a temporary destination; {@code IllegalStateException} while it has consumers. */
    void deleteTemporaryDestination(DestinationRef destination) throws JMSException;

    /**
     * Makes sure a destination exists (creating it when auto-creation is on), for producers and
     * consumers created with a destination. {@code InvalidDestinationException} otherwise, and for
     * a temporary destination that was deleted or belongs to a closed connection.
     */
    void checkDestination(DestinationRef destination) throws JMSException;

    /** Opens a browser on a queue: a snapshot cursor in delivery order, filtered by the selector (null for all). */
    void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) throws JMSException;

    /** The next up to {@code max} messages of a browser; an empty list at the end. */
    List<MessageData> browseNext(long browserId, int max) throws JMSException;

    void closeBrowser(long browserId) throws JMSException;

    // ---- XA (two-phase commit); see dev.petrel.client.xa ---------------------------------------
    // Errors are XaFailureException carrying the XAException code. A branch is keyed by its xid,
    // not by a session: it can be ended in one session and prepared, committed, rolled back or
    // forgotten from any connection of the same broker (which is how transaction managers recover).
    // The defaults refuse XA (XAER_RMERR) for transports that do not carry it.

    /**
     * Associates the session with a branch ({@code XAResource.start}): TMNOFLAGS starts a new one
     * (XAER_DUPID if it exists), TMJOIN joins an idle one, TMRESUME resumes one this session
     * suspended. While associated, the session's sends are buffered in the branch and its
     * acknowledgements become the branch's. {@code timeoutSeconds} (new branches only; 0 for the
     * broker's default) after which an unprepared branch is rolled back (then XA_RBTIMEOUT).
     */
    default void xaStart(long sessionId, PetrelXid xid, int flags, int timeoutSeconds) throws JMSException {
        throw xaUnsupported();
    }

    /** Ends the session's association ({@code XAResource.end}): TMSUCCESS, TMFAIL (branch becomes rollback-only) or TMSUSPEND. */
    default void xaEnd(long sessionId, PetrelXid xid, int flags) throws JMSException {
        throw xaUnsupported();
    }

    /** Prepares a branch and makes it durable; returns {@code XAResource.XA_OK}, or {@code XA_RDONLY} when it did nothing (then it is forgotten). */
    default int xaPrepare(PetrelXid xid) throws JMSException {
        throw xaUnsupported();
    }

    /** Commits a prepared branch, or an idle one in one phase ({@code onePhase}). */
    default void xaCommit(PetrelXid xid, boolean onePhase) throws JMSException {
        throw xaUnsupported();
    }

    /** Rolls back an idle, rollback-only or prepared branch. */
    default void xaRollback(PetrelXid xid) throws JMSException {
        throw xaUnsupported();
    }

    /** The xids of every prepared (or heuristically completed) branch of the broker. */
    default List<PetrelXid> xaRecover() throws JMSException {
        throw xaUnsupported();
    }

    /** Forgets a heuristically completed branch. */
    default void xaForget(PetrelXid xid) throws JMSException {
        throw xaUnsupported();
    }

    private XaFailureException xaUnsupported() {
        return new XaFailureException(getClass().getSimpleName() + " does not support XA transactions",
                javax.transaction.xa.XAException.XAER_RMERR);
    }

    /**
     * Closes the connection on the broker: every session is closed as by {@link #closeSession} with
     * nothing seen, temporary destinations are deleted, the client id is released. Idempotent.
     */
    @Override
    void close();
}
