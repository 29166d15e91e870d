package dev.petrel.broker;

import dev.petrel.protocol.PetrelXid;
import dev.petrel.store.StoreOperation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One XA transaction branch on the broker, keyed by its xid (not by a session): the sessions
 * associated with it or suspended from it, the sends and acknowledgements buffered in it, and,
 * once prepared, its planned outcome. A branch recovered from the store after a restart has only
 * its store operations.
 *
 * <p>Threading: every field is guarded by the branch's monitor; {@link XaTransactions} changes the
 * state under it and does store writes and queue hand-offs outside it, after moving the branch to
 * {@link State#COMPLETING} so no one else touches its work meanwhile.
 */
final class XaBranch {

    enum State {
        /** At least one session is associated, or suspended. */
        ACTIVE,
        /** Ended with TMSUCCESS by every session: may be prepared or committed in one phase. */
        IDLE,
        /** Ended with TMFAIL: can only be rolled back. */
        ROLLBACK_ONLY,
        /** Rolled back by its timeout; every later call reports XA_RBTIMEOUT until rollback forgets it. */
        TIMED_OUT,
        PREPARED,
        /** A commit or rollback is in progress. */
        COMPLETING
    }

    final PetrelXid xid;
    State state = State.ACTIVE;
    final Set<SessionState> associated = new HashSet<>();
    final Set<SessionState> suspended = new HashSet<>();
    final List<TransactionWork.Send> sends = new ArrayList<>();
    final List<DeliveryRecord> acks = new ArrayList<>();
    /** Set at prepare for a branch of this broker run. */
    TransactionWork prepared;
    /** Whether its prepared record is in the store. */
    boolean durable;
    /** Set for a branch recovered from the store: its prepared operations. */
    final List<StoreOperation> recoveredOperations;

    XaBranch(PetrelXid xid) {
        this.xid = xid;
        this.recoveredOperations = null;
    }

    XaBranch(PetrelXid xid, List<StoreOperation> recoveredOperations) {
        this.xid = xid;
        this.recoveredOperations = recoveredOperations;
        this.state = State.PREPARED;
        this.durable = true;
    }

    boolean isRecovered() {
        return recoveredOperations != null;
    }

    /** Whether a session is associated with, or suspended from, the branch. */
    boolean hasSessions() {
        return !associated.isEmpty() || !suspended.isEmpty();
    }

    /** Nothing was sent or acknowledged in it. */
    boolean isEmpty() {
        return sends.isEmpty() && acks.isEmpty();
    }

    @Override
    public String toString() {
        return "branch " + xid;
    }
}
