package dev.petrel.broker;

import dev.petrel.message.MessageData;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.protocol.XaFailureException;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's XA transaction branches, keyed by xid: the state machine of the XA specification
 * (start/end/prepare/commit/rollback/recover/forget), with prepared branches made durable through
 * {@link StoreOperation.PrepareTransaction} and recovered from the store at startup. Messages a
 * recovered branch acknowledged stay locked on their queues ({@link RecoveredBranches}) until its
 * outcome.
 *
 * <p>Errors are {@link XaFailureException}s with the XA error code. Petrel never completes a
 * branch heuristically on its own, so it reports no heuristic outcomes and {@code forget} knows no
 * branch (XAER_NOTA); a timeout rolls back only branches not yet prepared.
 *
 * <p>Threading: any client thread may call; each branch's state is guarded by its monitor, the
 * registry is a concurrent map; store writes and waits happen outside every lock. Timeouts fire on
 * the broker's timer, which only posts the rollback to the dispatch pool; that rollback never
 * waits for a queue executor.
 */
final class XaTransactions {
    private static final Logger LOG = LoggerFactory.getLogger(XaTransactions.class);
    /** The timeout of a branch started without one. */
    static final int DEFAULT_TIMEOUT_SECONDS = 300;

    private final Broker broker;
    private final Map<PetrelXid, XaBranch> branches = new ConcurrentHashMap<>();
    private final RecoveredBranches recovered;

    XaTransactions(Broker broker) {
        this.broker = broker;
        this.recovered = new RecoveredBranches(broker);
    }

    static XaFailureException failure(int code, String reason) {
        return new XaFailureException(reason, code);
    }

    /** Takes the prepared branches the store recovered; call before the queues start paging. */
    void recover(Recovery recovery) {
        for (XaBranch branch : recovered.load(recovery)) {
            branches.put(branch.xid, branch);
        }
    }

    /** Whether a recovered prepared branch acknowledged this message (it must not be delivered). */
    boolean isLockedByPrepared(long storeQueueId, long messageId) {
        return recovered.isLocked(storeQueueId, messageId);
    }

    /** Called on the queue's executor when it settles a message a recovered branch acknowledged. */
    void unlock(long storeQueueId, long messageId) {
        recovered.unlock(storeQueueId, messageId);
    }

    private XaBranch find(PetrelXid xid) throws XaFailureException {
        XaBranch branch = branches.get(xid);
        if (branch == null) {
            throw failure(XAException.XAER_NOTA, "broker '" + broker.name() + "' knows no " + "branch " + xid);
        }
        return branch;
    }

    private static XaFailureException rolledBack(XaBranch branch) {
        return branch.state == XaBranch.State.TIMED_OUT
                ? failure(XAException.XA_RBTIMEOUT, branch + " was rolled back: its transaction timeout expired")
                : failure(XAException.XA_RBROLLBACK, branch + " is marked rollback-only (ended with TMFAIL)");
    }

    // ---- association ----------------------------------------------------------------------------

    void start(SessionState session, PetrelXid xid, int flags, int timeoutSeconds) throws XaFailureException {
        if (timeoutSeconds < 0) {
            throw failure(XAException.XAER_INVAL, "transaction timeout must not be negative, was " + timeoutSeconds);
        }
        if (session.branch != null) {
            throw failure(XAException.XAER_PROTO, "session " + session.id + " is already associated with "
                    + session.branch + "; end it first");
        }
        if (flags == XAResource.TMNOFLAGS) {
            XaBranch branch = new XaBranch(xid);
            if (branches.putIfAbsent(xid, branch) != null) {
                throw failure(XAException.XAER_DUPID, "branch " + xid + " already exists; use TMJOIN to join it");
            }
            synchronized (branch) {
                branch.associated.add(session);
            }
            session.branch = branch;
            int seconds = timeoutSeconds == 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
            broker.wakeUpAt(System.currentTimeMillis() + seconds * 1000L,
                    () -> broker.pool().execute(() -> timeOut(branch)));
            return;
        }
        if (flags != XAResource.TMJOIN && flags != XAResource.TMRESUME) {
            throw failure(XAException.XAER_INVAL, "start takes TMNOFLAGS, TMJOIN or TMRESUME, not flags " + flags);
        }
        XaBranch branch = find(xid);
        synchronized (branch) {
            switch (branch.state) {
                case TIMED_OUT, ROLLBACK_ONLY -> throw rolledBack(branch);
                case PREPARED, COMPLETING -> throw failure(XAException.XAER_PROTO, branch + " is " + branch.state
                        + ": no session can start work in it");
                default -> { }
            }
            if (flags == XAResource.TMRESUME && !branch.suspended.remove(session)) {
                throw failure(XAException.XAER_PROTO, "session " + session.id + " did not suspend " + branch);
            }
            branch.associated.add(session);
            branch.state = XaBranch.State.ACTIVE;
        }
        session.branch = branch;
    }

    void end(SessionState session, PetrelXid xid, int flags) throws XaFailureException {
        if (flags != XAResource.TMSUCCESS && flags != XAResource.TMFAIL && flags != XAResource.TMSUSPEND) {
            throw failure(XAException.XAER_INVAL, "end takes TMSUCCESS, TMFAIL or TMSUSPEND, not flags " + flags);
        }
        XaBranch branch = find(xid);
        synchronized (branch) {
            boolean wasAssociated = branch.associated.remove(session);
            boolean wasSuspended = !wasAssociated && flags != XAResource.TMSUSPEND && branch.suspended.remove(session);
            if (!wasAssociated && !wasSuspended) {
                throw failure(XAException.XAER_PROTO, "session " + session.id + " is not associated with " + branch);
            }
            if (session.branch == branch) {
                session.branch = null;
            }
            if (flags == XAResource.TMSUSPEND) {
                branch.suspended.add(session);
            }
            if (branch.state == XaBranch.State.TIMED_OUT || branch.state == XaBranch.State.ROLLBACK_ONLY) {
                throw rolledBack(branch);
            }
            if (flags == XAResource.TMFAIL) {
                branch.state = XaBranch.State.ROLLBACK_ONLY;
            } else if (!branch.hasSessions()) {
                branch.state = XaBranch.State.IDLE;
            }
        }
    }

    /**
     * End of an association whose session was closed meanwhile (an application closing its session
     * inside the transaction): the close already ended it, so only TMFAIL still has an effect.
     */
    void endAfterClose(PetrelXid xid, int flags) throws XaFailureException {
        XaBranch branch = find(xid);
        synchronized (branch) {
            if (branch.state == XaBranch.State.TIMED_OUT || branch.state == XaBranch.State.ROLLBACK_ONLY) {
                throw rolledBack(branch);
            }
            if (flags == XAResource.TMFAIL && branch.state != XaBranch.State.PREPARED
                    && branch.state != XaBranch.State.COMPLETING) {
                branch.state = XaBranch.State.ROLLBACK_ONLY;
            }
        }
    }

    /** A session closes: it leaves whatever branch it is associated with (the branch stays, idle). */
    void sessionClosed(SessionState session) {
        for (XaBranch branch : branches.values()) {
            synchronized (branch) {
                if (branch.associated.remove(session) | branch.suspended.remove(session)) {
                    if (!branch.hasSessions() && branch.state == XaBranch.State.ACTIVE) {
                        branch.state = XaBranch.State.IDLE;
                    }
                }
            }
        }
        session.branch = null;
    }

    /** A send in a session associated with {@code branch}. */
    void buffer(XaBranch branch, MessageData message, LocalConnection publisher) throws JMSException {
        synchronized (branch) {
            if (branch.state != XaBranch.State.ACTIVE) {
                throw new TransactionRolledBackException("send refused: " + branch + " is " + branch.state);
            }
            branch.sends.add(new TransactionWork.Send(message, publisher));
        }
    }

    /** Acknowledgements in a session associated with {@code branch}: they become the branch's. */
    void acknowledge(XaBranch branch, List<DeliveryRecord> deliveries) throws JMSException {
        synchronized (branch) {
            if (branch.state == XaBranch.State.ACTIVE) {
                branch.acks.addAll(deliveries);
                return;
            }
        }
        LocalConnection.giveBack(deliveries, true);
        throw new TransactionRolledBackException("acknowledgement refused (the messages come back): " + branch
                + " was rolled back");
    }

    // ---- completion -----------------------------------------------------------------------------

    int prepare(PetrelXid xid) throws XaFailureException {
        XaBranch branch = find(xid);
        synchronized (branch) {
            rejectRolledBack(branch);
            checkCompletable(branch, "prepare");
            if (branch.state == XaBranch.State.PREPARED) {
                throw failure(XAException.XAER_PROTO, branch + " is already prepared");
            }
            if (branch.isEmpty()) {
                branches.remove(xid);
                branch.state = XaBranch.State.COMPLETING;
                return XAResource.XA_RDONLY;
            }
            branch.state = XaBranch.State.COMPLETING;
        }
        TransactionWork work;
        try {
            work = TransactionWork.plan(broker, branch.sends, branch.acks);
        } catch (JMSException e) {
            abandon(branch);
            throw chained(failure(XAException.XA_RBROLLBACK, branch + " was rolled back at prepare: " + e.getMessage()), e);
        }
        boolean durable = !work.operations().isEmpty() && broker.store() != null;
        if (durable) {
            try {
                awaitStore(broker.write(new StoreBatch().add(new StoreOperation.PrepareTransaction(xid.toBytes(),
                        work.operations()))));
            } catch (Exception e) {
                work.discard();
                abandon(branch);
                throw chained(failure(XAException.XA_RBROLLBACK, branch + " was rolled back: the store could not"
                        + " make its prepared state durable: " + e.getMessage()), e);
            }
        }
        synchronized (branch) {
            branch.prepared = work;
            branch.durable = durable;
            branch.state = XaBranch.State.PREPARED;
        }
        return XAResource.XA_OK;
    }

    void commit(PetrelXid xid, boolean onePhase) throws XaFailureException {
        XaBranch branch = find(xid);
        synchronized (branch) {
            rejectRolledBack(branch);
            checkCompletable(branch, "commit");
            if (onePhase == (branch.state == XaBranch.State.PREPARED)) {
                throw failure(XAException.XAER_PROTO, onePhase ? branch + " is prepared: commit it in two phases"
                        : branch + " is not prepared: prepare it first, or commit it in one phase");
            }
            branch.state = XaBranch.State.COMPLETING;
        }
        if (branch.isRecovered()) {
            completeRecovered(branch, true);
            return;
        }
        if (onePhase) {
            commitOnePhase(branch);
            return;
        }
        if (branch.durable) {
            try {
                awaitStore(broker.write(new StoreBatch().add(new StoreOperation.CommitPrepared(xid.toBytes()))));
            } catch (Exception e) {
                synchronized (branch) {
                    branch.state = XaBranch.State.PREPARED;
                }
                throw chained(failure(XAException.XAER_RMERR, branch + " stays prepared: the store could not record"
                        + " its commit (retry the commit): " + e.getMessage()), e);
            }
        }
        branches.remove(xid);
        branch.prepared.apply();
    }

    private void commitOnePhase(XaBranch branch) throws XaFailureException {
        try {
            TransactionWork work = TransactionWork.plan(broker, branch.sends, branch.acks);
            try {
                awaitStore(broker.write(work.batch()));
            } catch (Exception e) {
                work.discard();
                throw e;
            }
            branches.remove(branch.xid);
            work.apply();
        } catch (Exception e) {
            abandon(branch);
            throw chained(failure(XAException.XA_RBROLLBACK, branch + " was rolled back: " + e.getMessage()), e);
        }
    }

    void rollback(PetrelXid xid) throws XaFailureException {
        XaBranch branch = find(xid);
        synchronized (branch) {
            if (branch.state == XaBranch.State.TIMED_OUT) {
                rejectRolledBack(branch);
            }
            checkCompletable(branch, "rollback");
            branch.state = XaBranch.State.COMPLETING;
        }
        if (branch.isRecovered()) {
            completeRecovered(branch, false);
            return;
        }
        if (branch.durable) {
            try {
                awaitStore(broker.write(new StoreBatch().add(new StoreOperation.RollbackPrepared(xid.toBytes()))));
            } catch (Exception e) {
                synchronized (branch) {
                    branch.state = XaBranch.State.PREPARED;
                }
                throw chained(failure(XAException.XAER_RMERR, branch + " stays prepared: the store could not record"
                        + " its rollback (retry the rollback): " + e.getMessage()), e);
            }
        }
        if (branch.prepared != null) {
            branch.prepared.discard();
        }
        abandon(branch);
    }

    List<PetrelXid> recover() {
        List<PetrelXid> prepared = new ArrayList<>();
        for (XaBranch branch : branches.values()) {
            synchronized (branch) {
                if (branch.state == XaBranch.State.PREPARED) {
                    prepared.add(branch.xid);
                }
            }
        }
        return prepared;
    }

    void forget(PetrelXid xid) throws XaFailureException {
        XaBranch branch = find(xid);
        throw failure(XAException.XAER_PROTO, branch + " was not completed heuristically: there is nothing to forget");
    }

    /**
     * A branch rolled back already (timeout) or marked rollback-only: it is rolled back now and
     * forgotten, and the caller gets the XA_RB* code. Called under the branch's monitor.
     */
    private void rejectRolledBack(XaBranch branch) throws XaFailureException {
        if (branch.state != XaBranch.State.TIMED_OUT && branch.state != XaBranch.State.ROLLBACK_ONLY) {
            return;
        }
        if (branch.hasSessions() && branch.state == XaBranch.State.ROLLBACK_ONLY) {
            throw failure(XAException.XAER_PROTO, "branch " + branch.xid + " still has sessions associated: end them first");
        }
        branches.remove(branch.xid);
        for (SessionState session : branch.associated) {
            session.leave(branch);
        }
        for (SessionState session : branch.suspended) {
            session.leave(branch);
        }
        if (branch.state == XaBranch.State.ROLLBACK_ONLY) {
            abandonLater(branch);
        }
        throw rolledBack(branch);
    }

    private static void checkCompletable(XaBranch branch, String what) throws XaFailureException {
        if (branch.state == XaBranch.State.COMPLETING) {
            throw failure(XAException.XAER_PROTO, branch + " is being completed by another call");
        }
        if (branch.hasSessions()) {
            throw failure(XAException.XAER_PROTO, what + " of " + branch + " while a session is still associated with"
                    + " it (or suspended from it): end it first");
        }
    }

    /** Rolls back work not (or no longer) prepared: forgets the sends, returns the acknowledged deliveries. */
    private void abandon(XaBranch branch) {
        branches.remove(branch.xid);
        LocalConnection.giveBack(branch.acks, true);
    }

    /** As {@link #abandon}, without waiting for the queues (timer and pool threads). */
    private void abandonLater(XaBranch branch) {
        Map<MessageQueue, List<QueueEntry>> byQueue = new LinkedHashMap<>();
        for (DeliveryRecord d : branch.acks) {
            byQueue.computeIfAbsent(d.queue(), q -> new ArrayList<>()).add(d.entry());
        }
        byQueue.forEach((queue, entries) -> queue.returnEntries(entries, true));
    }

    private void timeOut(XaBranch branch) {
        synchronized (branch) {
            if (branch.state != XaBranch.State.ACTIVE && branch.state != XaBranch.State.IDLE
                    && branch.state != XaBranch.State.ROLLBACK_ONLY) {
                return;
            }
            if (branches.get(branch.xid) != branch) {
                return;
            }
            branch.state = XaBranch.State.TIMED_OUT;
        }
        LOG.warn("broker '{}': {} timed out before it was prepared; rolled back", broker.name(), branch);
        abandonLater(branch);
    }

    /** Commits or rolls back a branch recovered from the store. */
    private void completeRecovered(XaBranch branch, boolean commit) throws XaFailureException {
        StoreOperation outcome = commit ? new StoreOperation.CommitPrepared(branch.xid.toBytes())
                : new StoreOperation.RollbackPrepared(branch.xid.toBytes());
        try {
            awaitStore(broker.write(new StoreBatch().add(outcome)));
        } catch (Exception e) {
            synchronized (branch) {
                branch.state = XaBranch.State.PREPARED;
            }
            throw chained(failure(XAException.XAER_RMERR, branch + " stays prepared: the store could not record its "
                    + (commit ? "commit" : "rollback") + ": " + e.getMessage()), e);
        }
        branches.remove(branch.xid);
        recovered.settle(branch, commit);
    }

    private static void awaitStore(CompletableFuture<Void> write) throws Exception {
        try {
            write.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static XaFailureException chained(XaFailureException failure, Exception cause) {
        failure.setLinkedException(cause);
        failure.initCause(cause);
        return failure;
    }
}
