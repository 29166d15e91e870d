package dev.petrel.client.xa;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.protocol.XaFailureException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link XAResource} of one Petrel XA session: every call goes to the broker through the
 * {@link BrokerConnection} SPI, where branches are kept by xid (so a transaction manager may
 * prepare, commit, roll back or recover a branch through any Petrel XA resource of the same broker).
 * While a branch is associated with the session, the broker buffers the session's sends in it and
 * makes the session's acknowledgements part of it; outside a branch the session acknowledges
 * automatically.
 *
 * <p>Errors: the broker's XA error codes come back as {@link XAException}s with the same code; a
 * closed or failed connection is {@code XAER_RMFAIL} (the transaction manager retries later, e.g.
 * through recovery), any other broker failure {@code XAER_RMERR}.
 *
 * <p>Threading: thread-safe; the transaction timeout is the only state.
 */
public final class PetrelXAResource implements XAResource {

    private final Supplier<BrokerConnection> broker;
    private final long sessionId;
    private final String brokerName;
    private volatile int timeoutSeconds;

    /**
     * @param broker     the connection's broker connection (looked up at each call)
     * @param sessionId  the XA session's id on it
     * @param brokerName the broker's name ({@code ConnectionInfo.brokerName()}), which decides {@link #isSameRM}
     */
    public PetrelXAResource(Supplier<BrokerConnection> broker, long sessionId, String brokerName) {
        this.broker = broker;
        this.sessionId = sessionId;
        this.brokerName = brokerName;
    }

    /** The broker this resource's branches live on. */
    public String brokerName() {
        return brokerName;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        PetrelXid id = xid(xid);
        try {
            broker.get().xaStart(sessionId, id, flags, timeoutSeconds);
        } catch (JMSException e) {
            throw translate("start", id, e);
        }
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        PetrelXid id = xid(xid);
        try {
            broker.get().xaEnd(sessionId, id, flags);
        } catch (JMSException e) {
            throw translate("end", id, e);
        }
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        PetrelXid id = xid(xid);
        try {
            return broker.get().xaPrepare(id);
        } catch (JMSException e) {
            throw translate("prepare", id, e);
        }
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        PetrelXid id = xid(xid);
        try {
            broker.get().xaCommit(id, onePhase);
        } catch (JMSException e) {
            throw translate("commit", id, e);
        }
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        PetrelXid id = xid(xid);
        try {
            broker.get().xaRollback(id);
        } catch (JMSException e) {
            throw translate("rollback", id, e);
        }
    }

    @Override
    public void forget(Xid xid) throws XAException {
        PetrelXid id = xid(xid);
        try {
            broker.get().xaForget(id);
        } catch (JMSException e) {
            throw translate("forget", id, e);
        }
    }

    /**
     * The prepared branches of the broker: all of them with {@code TMSTARTRSCAN} (alone or with
     * {@code TMENDRSCAN}); none for a later call of the same scan ({@code TMNOFLAGS} or
     * {@code TMENDRSCAN}), since the first call returned them all.
     */
    @Override
    public Xid[] recover(int flag) throws XAException {
        if ((flag & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
            throw error(XAException.XAER_INVAL, "recover takes TMSTARTRSCAN, TMENDRSCAN or TMNOFLAGS, not flags " + flag);
        }
        if ((flag & TMSTARTRSCAN) == 0) {
            return new Xid[0];
        }
        try {
            List<PetrelXid> xids = broker.get().xaRecover();
            return xids.toArray(new Xid[0]);
        } catch (JMSException e) {
            throw translate("recover", null, e);
        }
    }

    /** True for another Petrel XA resource of the same broker (whose branches this one can complete too). */
    @Override
    public boolean isSameRM(XAResource other) {
        return other instanceof PetrelXAResource p && p.brokerName.equals(brokerName);
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    /** Sets the timeout of branches started from now on; 0 restores the broker's default. */
    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        if (seconds < 0) {
            throw error(XAException.XAER_INVAL, "transaction timeout must not be negative, was " + seconds);
        }
        timeoutSeconds = seconds;
        return true;
    }

    private static PetrelXid xid(Xid xid) throws XAException {
        try {
            return PetrelXid.of(xid);
        } catch (IllegalArgumentException e) {
            XAException failure = error(XAException.XAER_INVAL, "invalid xid: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }

    private static XAException translate(String call, PetrelXid xid, JMSException e) {
        int code;
        if (e instanceof XaFailureException xa) {
            code = xa.xaErrorCode();
        } else if (e instanceof IllegalStateException) {
            code = XAException.XAER_RMFAIL;
        } else {
            code = XAException.XAER_RMERR;
        }
        XAException failure = error(code, call + (xid == null ? "" : " of " + xid) + " failed: " + e.getMessage());
        failure.initCause(e);
        return failure;
    }

    private static XAException error(int code, String message) {
        XAException e = new XAException(message);
        e.errorCode = code;
        return e;
    }
}
