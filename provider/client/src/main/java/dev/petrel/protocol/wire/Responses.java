package dev.petrel.protocol.wire;

import dev.petrel.message.MessageData;
import dev.petrel.protocol.PetrelXid;

import java.util.ArrayList;
import java.util.List;

/**
 * The OK payloads that carry a result: PULL answers a boolean, BROWSE_NEXT a counted list of
 * messages, XA_PREPARE an int (XA_OK or XA_RDONLY), XA_RECOVER a counted list of xids; every other
 * OK is empty.
 */
public final class Responses {

    private Responses() {
    }

    public static Frame ok(long correlationId) {
        return Frame.empty(FrameType.OK, correlationId);
    }

    public static Frame pulled(long correlationId, boolean delivered) {
        return Frame.of(FrameType.OK, correlationId, new PayloadWriter().writeBoolean(delivered).toByteArray());
    }

    public static boolean readPulled(Frame frame) throws WireProtocolException {
        PayloadReader in = frame.reader();
        boolean delivered = in.readBoolean();
        in.expectEnd();
        return delivered;
    }

    public static Frame browsed(long correlationId, List<MessageData> messages) {
        PayloadWriter out = new PayloadWriter().writeInt(messages.size());
        for (MessageData message : messages) {
            out.writeMessage(message);
        }
        return Frame.of(FrameType.OK, correlationId, out.toByteArray());
    }

    public static List<MessageData> readBrowsed(Frame frame) throws WireProtocolException {
        PayloadReader in = frame.reader();
        int count = in.readNonNegativeInt("message count");
        if ((long) count * 4 > in.remaining()) {
            throw new WireProtocolException("OK frame: " + count + " messages cannot fit in "
                    + in.remaining() + " bytes");
        }
        List<MessageData> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(in.readMessage());
        }
        in.expectEnd();
        return messages;
    }

    public static Frame prepared(long correlationId, int vote) {
        return Frame.of(FrameType.OK, correlationId, new PayloadWriter().writeInt(vote).toByteArray());
    }

    public static int readPrepared(Frame frame) throws WireProtocolException {
        PayloadReader in = frame.reader();
        int vote = in.readInt();
        in.expectEnd();
        return vote;
    }

    public static Frame recovered(long correlationId, List<PetrelXid> xids) {
        PayloadWriter out = new PayloadWriter().writeInt(xids.size());
        for (PetrelXid xid : xids) {
            out.writeBytes(xid.toBytes());
        }
        return Frame.of(FrameType.OK, correlationId, out.toByteArray());
    }

    public static List<PetrelXid> readRecovered(Frame frame) throws WireProtocolException {
        PayloadReader in = frame.reader();
        int count = in.readNonNegativeInt("xid count");
        if ((long) count * 4 > in.remaining()) {
            throw new WireProtocolException("OK frame: " + count + " xids cannot fit in " + in.remaining() + " bytes");
        }
        List<PetrelXid> xids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            xids.add(Request.readXid(in));
        }
        in.expectEnd();
        return xids;
    }
}
