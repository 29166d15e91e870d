package dev.petrel.protocol.wire;

import java.util.Objects;

/**
 * One frame as it travels: type, flags (reserved, sent as 0, ignored on receipt), the correlation id
 * that matches a response to its request (0 for frames that answer nothing and expect nothing), and
 * the payload bytes. Immutable by convention: the payload array is not copied and must not be
 * changed after construction.
 */
public record Frame(FrameType type, byte flags, long correlationId, byte[] payload) {

    private static final byte[] EMPTY = new byte[0];

    public Frame {
        Objects.requireNonNull(type, "type");
        payload = payload == null ? EMPTY : payload;
    }

    public static Frame of(FrameType type, long correlationId, byte[] payload) {
        return new Frame(type, (byte) 0, correlationId, payload);
    }

    public static Frame empty(FrameType type, long correlationId) {
        return new Frame(type, (byte) 0, correlationId, EMPTY);
    }

    /** A reader over the payload. */
    public PayloadReader reader() {
        return new PayloadReader(type, payload);
    }

    @Override
    public String toString() {
        return type + "#" + correlationId + "(" + payload.length + " bytes)";
    }
}
