package dev.petrel.protocol.wire;

import dev.petrel.protocol.Delivery;

/**
 * A broker-to-client callback frame's payload: one record per {@code ClientHandler} method.
 * Callbacks carry correlation id 0 and are never answered. Immutable.
 */
public sealed interface Callback {

    FrameType type();

    void writeTo(PayloadWriter out);

    default Frame toFrame() {
        PayloadWriter out = new PayloadWriter();
        writeTo(out);
        return Frame.of(type(), 0, out.toByteArray());
    }

    record Deliver(Delivery delivery) implements Callback {
        public FrameType type() { return FrameType.DELIVER; }
        public void writeTo(PayloadWriter out) {
            out.writeLong(delivery.consumerId()).writeLong(delivery.deliveryId())
                    .writeInt(delivery.deliveryCount()).writeBoolean(delivery.redelivered())
                    .writeMessage(delivery.message());
        }
    }

    record ConsumerClosed(long consumerId, ErrorPayload reason) implements Callback {
        public FrameType type() { return FrameType.CONSUMER_CLOSED; }
        public void writeTo(PayloadWriter out) {
            out.writeLong(consumerId);
            reason.writeTo(out);
        }
    }

    record ConnectionFailed(ErrorPayload cause) implements Callback {
        public FrameType type() { return FrameType.CONNECTION_FAILED; }
        public void writeTo(PayloadWriter out) { cause.writeTo(out); }
    }

    static Callback decode(Frame frame) throws WireProtocolException {
        PayloadReader in = frame.reader();
        Callback callback = switch (frame.type()) {
            case DELIVER -> {
                long consumerId = in.readLong();
                long deliveryId = in.readLong();
                int deliveryCount = in.readInt();
                boolean redelivered = in.readBoolean();
                yield new Deliver(new Delivery(consumerId, deliveryId, in.readMessage(), deliveryCount, redelivered));
            }
            case CONSUMER_CLOSED -> new ConsumerClosed(in.readLong(), ErrorPayload.read(in));
            case CONNECTION_FAILED -> new ConnectionFailed(ErrorPayload.read(in));
            default -> throw new WireProtocolException(frame.type() + " is not a callback frame");
        };
        in.expectEnd();
        return callback;
    }
}
