package dev.petrel.protocol;

import org.junit.jupiter.api.Test;

import javax.transaction.xa.Xid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PetrelXidTest {

    private static Xid foreign(int format, byte[] gtrid, byte[] bqual) {
        return new Xid() {
            public int getFormatId() { return format; }
            public byte[] getGlobalTransactionId() { return gtrid; }
            public byte[] getBranchQualifier() { return bqual; }
        };
    }

    @Test
    void copyOfAForeignXidEqualsAnotherCopyOfTheSameValues() {
        assertEquals(PetrelXid.of(foreign(3, new byte[]{1, 2}, new byte[]{3})),
                PetrelXid.of(foreign(3, new byte[]{1, 2}, new byte[]{3})));
    }

    @Test
    void bytesFormRoundTrips() {
        PetrelXid xid = new PetrelXid(0x4711, new byte[64], new byte[]{9, 8});
        assertEquals(xid, PetrelXid.fromBytes(xid.toBytes()));
    }

    @Test
    void changingTheGivenArrayDoesNotChangeTheXid() {
        byte[] gtrid = {1};
        PetrelXid xid = new PetrelXid(1, gtrid, null);
        gtrid[0] = 2;
        assertArrayEquals(new byte[]{1}, xid.getGlobalTransactionId());
    }

    @Test
    void globalTransactionIdLongerThan64BytesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelXid(1, new byte[65], new byte[0]));
    }

    @Test
    void branchQualifierLongerThan64BytesIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelXid(1, new byte[1], new byte[65]));
    }

    @Test
    void emptyGlobalTransactionIdIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelXid(1, new byte[0], new byte[0]));
    }
}
