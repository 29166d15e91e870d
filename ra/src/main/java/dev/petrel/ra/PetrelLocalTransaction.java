package dev.petrel.ra;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import java.nio.ByteBuffer;
import java.util.UUID;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A resource-local transaction for servers running the connection without XA: a one-phase
 * branch of the session's XA resource under an Xid of its own. Threading: one thread at a time
 * (the thread using the managed connection).
 */
final class PetrelLocalTransaction implements LocalTransaction {

    private static final int FORMAT_ID = 0x50524c54; // "PRLT"

    private final XAResource resource;
    private Xid current;

    PetrelLocalTransaction(XAResource resource) {
        this.resource = resource;
    }

    @Override
    public void begin() throws ResourceException {
        if (current != null) {
            throw new jakarta.resource.spi.LocalTransactionException("a local transaction is already active: " + current);
        }
        Xid xid = newXid();
        try {
            resource.start(xid, XAResource.TMNOFLAGS);
        } catch (XAException e) {
            throw new jakarta.resource.spi.LocalTransactionException("cannot begin a local transaction: XA error " + e.errorCode, e);
        }
        current = xid;
    }

    @Override
    public void commit() throws ResourceException {
        Xid xid = active("commit");
        current = null;
        try {
            resource.end(xid, XAResource.TMSUCCESS);
            resource.commit(xid, true);
        } catch (XAException e) {
            throw new jakarta.resource.spi.LocalTransactionException("local transaction commit failed: XA error " + e.errorCode, e);
        }
    }

    @Override
    public void rollback() throws ResourceException {
        Xid xid = active("rollback");
        current = null;
        try {
            resource.end(xid, XAResource.TMFAIL);
        } catch (XAException e) {
            // TMFAIL may answer with a rollback-only code; the rollback below is what matters
            if (e.errorCode < XAException.XA_RBBASE || e.errorCode > XAException.XA_RBEND) {
                throw new jakarta.resource.spi.LocalTransactionException("local transaction end failed: XA error " + e.errorCode, e);
            }
        }
        try {
            resource.rollback(xid);
        } catch (XAException e) {
            throw new jakarta.resource.spi.LocalTransactionException("local transaction rollback failed: XA error " + e.errorCode, e);
        }
    }

    private Xid active(String operation) throws ResourceException {
        if (current == null) {
            throw new jakarta.resource.spi.LocalTransactionException(operation + " without an active local transaction");
        }
        return current;
    }

    private static Xid newXid() {
        UUID uuid = UUID.randomUUID();
        byte[] gtrid = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
        return new LocalXid(gtrid);
    }

    private record LocalXid(byte[] gtrid) implements Xid {
        @Override
        public int getFormatId() {
            return FORMAT_ID;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return gtrid.clone();
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }
}
