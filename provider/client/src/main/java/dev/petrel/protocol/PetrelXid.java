package dev.petrel.protocol;

import javax.transaction.xa.Xid;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A transaction branch identifier as Petrel carries it between client, broker and store: a value
 * copy of any {@link Xid} (equal when format id, global transaction id and branch qualifier are
 * equal), with a compact binary form ({@link #toBytes}) used as the branch's key in the store.
 * Immutable: the arrays are copied in and out.
 *
 * @param formatId            the format id (-1 is the null Xid, which cannot name a branch)
 * @param globalTransactionId 1 to {@link Xid#MAXGTRIDSIZE} bytes
 * @param branchQualifier     0 to {@link Xid#MAXBQUALSIZE} bytes
 */
public record PetrelXid(int formatId, byte[] globalTransactionId, byte[] branchQualifier) implements Xid, Serializable {

    public PetrelXid {
        if (globalTransactionId == null || globalTransactionId.length == 0
                || globalTransactionId.length > MAXGTRIDSIZE) {
            throw new IllegalArgumentException("a global transaction id needs 1 to " + MAXGTRIDSIZE + " bytes, had "
                    + (globalTransactionId == null ? "none" : globalTransactionId.length));
        }
        if (branchQualifier == null) {
            branchQualifier = new byte[0];
        }
        if (branchQualifier.length > MAXBQUALSIZE) {
            throw new IllegalArgumentException("a branch qualifier has at most " + MAXBQUALSIZE + " bytes, had "
                    + branchQualifier.length);
        }
        if (formatId == -1) {
            throw new IllegalArgumentException("format id -1 is the null Xid, which cannot name a transaction branch");
        }
        globalTransactionId = globalTransactionId.clone();
        branchQualifier = branchQualifier.clone();
    }

    /** A copy of {@code xid}; {@code xid} itself when it already is one. */
    public static PetrelXid of(Xid xid) {
        if (xid instanceof PetrelXid p) {
            return p;
        }
        if (xid == null) {
            throw new IllegalArgumentException("xid is null");
        }
        return new PetrelXid(xid.getFormatId(), xid.getGlobalTransactionId(), xid.getBranchQualifier());
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public byte[] globalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] branchQualifier() {
        return branchQualifier.clone();
    }

    /** format id (4 bytes), gtrid length (1), gtrid, bqual length (1), bqual. */
    public byte[] toBytes() {
        ByteBuffer out = ByteBuffer.allocate(6 + globalTransactionId.length + branchQualifier.length);
        out.putInt(formatId).put((byte) globalTransactionId.length).put(globalTransactionId)
                .put((byte) branchQualifier.length).put(branchQualifier);
        return out.array();
    }

    /** The inverse of {@link #toBytes}. */
    public static PetrelXid fromBytes(byte[] bytes) {
        try {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            int format = in.getInt();
            byte[] gtrid = new byte[in.get() & 0xFF];
            in.get(gtrid);
            byte[] bqual = new byte[in.get() & 0xFF];
            in.get(bqual);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the branch qualifier");
            }
            return new PetrelXid(format, gtrid, bqual);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("an encoded xid of " + bytes.length + " bytes is truncated", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PetrelXid x && x.formatId == formatId
                && Arrays.equals(x.globalTransactionId, globalTransactionId)
                && Arrays.equals(x.branchQualifier, branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "xid " + formatId + ":" + hex.formatHex(globalTransactionId) + ":" + hex.formatHex(branchQualifier);
    }
}
