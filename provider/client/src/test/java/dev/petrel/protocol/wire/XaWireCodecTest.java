package dev.petrel.protocol.wire;

import dev.petrel.protocol.PetrelXid;
import dev.petrel.protocol.XaFailureException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The XA payloads: votes, recovered xids, XA error codes, malformed xids. */
class XaWireCodecTest {

    @Test
    void prepareVoteSurvivesTheOkFrame() throws Exception {
        assertEquals(XAResource.XA_RDONLY, Responses.readPrepared(Responses.prepared(3, XAResource.XA_RDONLY)));
    }

    @Test
    void recoveredXidsSurviveTheOkFrameInOrder() throws Exception {
        List<PetrelXid> xids = List.of(new PetrelXid(1, new byte[]{1}, new byte[0]),
                new PetrelXid(2, new byte[]{2, 2}, new byte[]{9}));
        assertEquals(xids, Responses.readRecovered(Responses.recovered(4, xids)));
    }

    @Test
    void xaFailureCrossesTheWireWithItsErrorCode() throws Exception {
        ErrorPayload payload = ErrorPayload.of(new XaFailureException("no such branch", XAException.XAER_NOTA));
        XaFailureException rebuilt = assertInstanceOf(XaFailureException.class,
                ErrorPayload.decode(payload.toFrame(5)).toException());
        assertEquals(XAException.XAER_NOTA, rebuilt.xaErrorCode());
        assertEquals("no such branch", rebuilt.getMessage());
    }

    @Test
    void truncatedXidIsAProtocolError() {
        byte[] payload = new PayloadWriter().writeBytes(new byte[]{0, 0, 0, 1, 5, 1}).toByteArray();
        assertThrows(WireProtocolException.class, () -> Request.decode(Frame.of(FrameType.XA_PREPARE, 1, payload)));
    }

    @Test
    void nullXidFormatIsAProtocolError() {
        byte[] xid = {-1, -1, -1, -1, 1, 7, 0};
        byte[] payload = new PayloadWriter().writeBytes(xid).toByteArray();
        assertThrows(WireProtocolException.class, () -> Request.decode(Frame.of(FrameType.XA_ROLLBACK, 1, payload)));
    }
}
