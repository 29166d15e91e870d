package dev.petrel.protocol.wire;

/**
 * Every frame of the Petrel wire protocol, with its one-byte code. {@code docs/PROTOCOL.md}
 * describes each payload. Codes never change meaning within a protocol version; an unknown code is
 * a protocol error.
 */
public enum FrameType {
    // connection control
    CONNECT(0x01), CONNECTED(0x02), PING(0x03), OK(0x04), ERROR(0x05),
    // requests: one per BrokerConnection method
    SET_CLIENT_ID(0x10), CREATE_SESSION(0x11), CLOSE_SESSION(0x12), SEND(0x13),
    CREATE_CONSUMER(0x14), CLOSE_CONSUMER(0x15), GRANT_CREDIT(0x16), PULL(0x17),
    ACKNOWLEDGE(0x18), COMMIT(0x19), ROLLBACK(0x1A), RECOVER(0x1B), UNSUBSCRIBE(0x1C),
    CREATE_TEMPORARY_DESTINATION(0x1D), DELETE_TEMPORARY_DESTINATION(0x1E), CHECK_DESTINATION(0x1F),
    OPEN_BROWSER(0x20), BROWSE_NEXT(0x21), CLOSE_BROWSER(0x22), DISCONNECT(0x23),
    XA_START(0x24), XA_END(0x25), XA_PREPARE(0x26), XA_COMMIT(0x27), XA_ROLLBACK(0x28), XA_RECOVER(0x29),
    XA_FORGET(0x2A),
    // broker-to-client callbacks: one per ClientHandler method
    DELIVER(0x30), CONSUMER_CLOSED(0x31), CONNECTION_FAILED(0x32);

    private static final FrameType[] BY_CODE = new FrameType[256];

    static {
        for (FrameType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The byte written on the wire. */
    public byte code() {
        return (byte) code;
    }

    /** True for the frames a client sends to call a {@code BrokerConnection} method. */
    public boolean isRequest() {
        return code >= 0x10 && code < 0x30;
    }

    /** True for a request the broker does not answer (the client does not wait for it). */
    public boolean isOneWay() {
        return this == GRANT_CREDIT;
    }

    /** The type for a wire byte. */
    public static FrameType of(byte code) throws WireProtocolException {
        FrameType type = BY_CODE[code & 0xFF];
        if (type == null) {
            throw new WireProtocolException(String.format("unknown frame type 0x%02X", code & 0xFF));
        }
        return type;
    }
}
