package dev.petrel.protocol.wire;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.PetrelXid;

import java.util.List;

/**
 * A request frame's payload: one record per {@code BrokerConnection} method, named after it, with the
 * method's arguments. {@link #writeTo} and {@link #decode} are each other's inverse. Immutable.
 */
public sealed interface Request {

    FrameType type();

    void writeTo(PayloadWriter out);

    /** The frame carrying this request. */
    default Frame toFrame(long correlationId) {
        PayloadWriter out = new PayloadWriter();
        writeTo(out);
        return Frame.of(type(), correlationId, out.toByteArray());
    }

    record SetClientId(String clientId) implements Request {
        public FrameType type() { return FrameType.SET_CLIENT_ID; }
        public void writeTo(PayloadWriter out) { out.writeString(clientId); }
    }

    record CreateSession(long sessionId, int acknowledgeMode) implements Request {
        public FrameType type() { return FrameType.CREATE_SESSION; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeInt(acknowledgeMode); }
    }

    record CloseSession(long sessionId, List<Long> seenByApplication) implements Request {
        public FrameType type() { return FrameType.CLOSE_SESSION; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeLongs(seenByApplication); }
    }

    record Send(long sessionId, MessageData message) implements Request {
        public FrameType type() { return FrameType.SEND; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeMessage(message); }
    }

    record CreateConsumer(long sessionId, long consumerId, ConsumerSpec spec) implements Request {
        public FrameType type() { return FrameType.CREATE_CONSUMER; }
        public void writeTo(PayloadWriter out) {
            out.writeLong(sessionId).writeLong(consumerId)
                    .writeDestination(spec.destination()).writeString(spec.selector())
                    .writeBoolean(spec.noLocal()).writeString(spec.subscriptionName())
                    .writeBoolean(spec.durable()).writeBoolean(spec.shared()).writeInt(spec.prefetch());
        }
    }

    record CloseConsumer(long consumerId, List<Long> notSeen) implements Request {
        public FrameType type() { return FrameType.CLOSE_CONSUMER; }
        public void writeTo(PayloadWriter out) { out.writeLong(consumerId).writeLongs(notSeen); }
    }

    record GrantCredit(long consumerId, int messages) implements Request {
        public FrameType type() { return FrameType.GRANT_CREDIT; }
        public void writeTo(PayloadWriter out) { out.writeLong(consumerId).writeInt(messages); }
    }

    record Pull(long consumerId) implements Request {
        public FrameType type() { return FrameType.PULL; }
        public void writeTo(PayloadWriter out) { out.writeLong(consumerId); }
    }

    record Acknowledge(long sessionId, List<Long> deliveryIds) implements Request {
        public FrameType type() { return FrameType.ACKNOWLEDGE; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeLongs(deliveryIds); }
    }

    record Commit(long sessionId, List<Long> consumed) implements Request {
        public FrameType type() { return FrameType.COMMIT; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeLongs(consumed); }
    }

    record Rollback(long sessionId, List<Long> consumed, List<Long> notSeen) implements Request {
        public FrameType type() { return FrameType.ROLLBACK; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeLongs(consumed).writeLongs(notSeen); }
    }

    record Recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) implements Request {
        public FrameType type() { return FrameType.RECOVER; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeLongs(unacknowledged).writeLongs(notSeen); }
    }

    record Unsubscribe(String subscriptionName) implements Request {
        public FrameType type() { return FrameType.UNSUBSCRIBE; }
        public void writeTo(PayloadWriter out) { out.writeString(subscriptionName); }
    }

    record CreateTemporaryDestination(DestinationRef destination) implements Request {
        public FrameType type() { return FrameType.CREATE_TEMPORARY_DESTINATION; }
        public void writeTo(PayloadWriter out) { out.writeDestination(destination); }
    }

    record DeleteTemporaryDestination(DestinationRef destination) implements Request {
        public FrameType type() { return FrameType.DELETE_TEMPORARY_DESTINATION; }
        public void writeTo(PayloadWriter out) { out.writeDestination(destination); }
    }

    record CheckDestination(DestinationRef destination) implements Request {
        public FrameType type() { return FrameType.CHECK_DESTINATION; }
        public void writeTo(PayloadWriter out) { out.writeDestination(destination); }
    }

    record OpenBrowser(long sessionId, long browserId, DestinationRef queue, String selector) implements Request {
        public FrameType type() { return FrameType.OPEN_BROWSER; }
        public void writeTo(PayloadWriter out) {
            out.writeLong(sessionId).writeLong(browserId).writeDestination(queue).writeString(selector);
        }
    }

    record BrowseNext(long browserId, int max) implements Request {
        public FrameType type() { return FrameType.BROWSE_NEXT; }
        public void writeTo(PayloadWriter out) { out.writeLong(browserId).writeInt(max); }
    }

    record CloseBrowser(long browserId) implements Request {
        public FrameType type() { return FrameType.CLOSE_BROWSER; }
        public void writeTo(PayloadWriter out) { out.writeLong(browserId); }
    }

    /** {@code BrokerConnection.close()}. */
    record Disconnect() implements Request {
        public FrameType type() { return FrameType.DISCONNECT; }
        public void writeTo(PayloadWriter out) { }
    }

    record XaStart(long sessionId, PetrelXid xid, int flags, int timeoutSeconds) implements Request {
        public FrameType type() { return FrameType.XA_START; }
        public void writeTo(PayloadWriter out) {
            out.writeLong(sessionId).writeBytes(xid.toBytes()).writeInt(flags).writeInt(timeoutSeconds);
        }
    }

    record XaEnd(long sessionId, PetrelXid xid, int flags) implements Request {
        public FrameType type() { return FrameType.XA_END; }
        public void writeTo(PayloadWriter out) { out.writeLong(sessionId).writeBytes(xid.toBytes()).writeInt(flags); }
    }

    record XaPrepare(PetrelXid xid) implements Request {
        public FrameType type() { return FrameType.XA_PREPARE; }
        public void writeTo(PayloadWriter out) { out.writeBytes(xid.toBytes()); }
    }

    record XaCommit(PetrelXid xid, boolean onePhase) implements Request {
        public FrameType type() { return FrameType.XA_COMMIT; }
        public void writeTo(PayloadWriter out) { out.writeBytes(xid.toBytes()).writeBoolean(onePhase); }
    }

    record XaRollback(PetrelXid xid) implements Request {
        public FrameType type() { return FrameType.XA_ROLLBACK; }
        public void writeTo(PayloadWriter out) { out.writeBytes(xid.toBytes()); }
    }

    record XaRecover() implements Request {
        public FrameType type() { return FrameType.XA_RECOVER; }
        public void writeTo(PayloadWriter out) { }
    }

    record XaForget(PetrelXid xid) implements Request {
        public FrameType type() { return FrameType.XA_FORGET; }
        public void writeTo(PayloadWriter out) { out.writeBytes(xid.toBytes()); }
    }

    /** Decodes a request frame; a frame that is not a request, or a malformed payload, is a protocol error. */
    static Request decode(Frame frame) throws WireProtocolException {
        PayloadReader in = frame.reader();
        Request request = switch (frame.type()) {
            case SET_CLIENT_ID -> new SetClientId(in.readString());
            case CREATE_SESSION -> new CreateSession(in.readLong(), in.readInt());
            case CLOSE_SESSION -> new CloseSession(in.readLong(), in.readLongs());
            case SEND -> new Send(in.readLong(), in.readMessage());
            case CREATE_CONSUMER -> new CreateConsumer(in.readLong(), in.readLong(), new ConsumerSpec(
                    in.readRequiredDestination(), in.readString(), in.readBoolean(), in.readString(),
                    in.readBoolean(), in.readBoolean(), in.readInt()));
            case CLOSE_CONSUMER -> new CloseConsumer(in.readLong(), in.readLongs());
            case GRANT_CREDIT -> new GrantCredit(in.readLong(), in.readNonNegativeInt("credit"));
            case PULL -> new Pull(in.readLong());
            case ACKNOWLEDGE -> new Acknowledge(in.readLong(), in.readLongs());
            case COMMIT -> new Commit(in.readLong(), in.readLongs());
            case ROLLBACK -> new Rollback(in.readLong(), in.readLongs(), in.readLongs());
            case RECOVER -> new Recover(in.readLong(), in.readLongs(), in.readLongs());
            case UNSUBSCRIBE -> new Unsubscribe(in.readString());
            case CREATE_TEMPORARY_DESTINATION -> new CreateTemporaryDestination(in.readRequiredDestination());
            case DELETE_TEMPORARY_DESTINATION -> new DeleteTemporaryDestination(in.readRequiredDestination());
            case CHECK_DESTINATION -> new CheckDestination(in.readRequiredDestination());
            case OPEN_BROWSER -> new OpenBrowser(in.readLong(), in.readLong(), in.readRequiredDestination(), in.readString());
            case BROWSE_NEXT -> new BrowseNext(in.readLong(), in.readNonNegativeInt("browse batch size"));
            case CLOSE_BROWSER -> new CloseBrowser(in.readLong());
            case DISCONNECT -> new Disconnect();
            case XA_START -> new XaStart(in.readLong(), readXid(in), in.readInt(), in.readNonNegativeInt("timeout"));
            case XA_END -> new XaEnd(in.readLong(), readXid(in), in.readInt());
            case XA_PREPARE -> new XaPrepare(readXid(in));
            case XA_COMMIT -> new XaCommit(readXid(in), in.readBoolean());
            case XA_ROLLBACK -> new XaRollback(readXid(in));
            case XA_RECOVER -> new XaRecover();
            case XA_FORGET -> new XaForget(readXid(in));
            default -> throw new WireProtocolException(frame.type() + " is not a request frame");
        };
        in.expectEnd();
        return request;
    }

    /** An xid in its {@link PetrelXid#toBytes} form, as a byte array; a malformed one is a protocol error. */
    static PetrelXid readXid(PayloadReader in) throws WireProtocolException {
        byte[] bytes = in.readBytes();
        if (bytes == null) {
            throw new WireProtocolException("xid is missing");
        }
        try {
            return PetrelXid.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw new WireProtocolException("malformed xid: " + e.getMessage());
        }
    }
}
