package dev.petrel.protocol.wire;

import dev.petrel.protocol.ConnectionInfo;

import java.util.Map;

/** The payloads of the CONNECT and CONNECTED frames that open every connection after the preamble. */
public final class Handshake {

    private Handshake() {
    }

    /**
     * CONNECT: credentials (either may be null), the heartbeat interval the client wants (0: none)
     * and the client's URL options (prefetch, ...; never key or trust store settings).
     */
    public record Connect(String username, String password, long heartbeatMillis, Map<String, String> options) {
        public Frame toFrame(long correlationId) {
            PayloadWriter out = new PayloadWriter().writeString(username).writeString(password)
                    .writeLong(heartbeatMillis).writeStringMap(options);
            return Frame.of(FrameType.CONNECT, correlationId, out.toByteArray());
        }

        public static Connect decode(Frame frame) throws WireProtocolException {
            if (frame.type() != FrameType.CONNECT) {
                throw new WireProtocolException("expected a CONNECT frame first, got " + frame.type());
            }
            PayloadReader in = frame.reader();
            Connect connect = new Connect(in.readString(), in.readString(), readHeartbeat(in), in.readStringMap());
            in.expectEnd();
            return connect;
        }
    }

    /**
     * CONNECTED: the server's protocol version, the connection's identity, the heartbeat interval
     * both sides use from now on (0: none) and the largest frame the server accepts.
     */
    public record Connected(int protocolVersion, ConnectionInfo info, long heartbeatMillis, int maxFrameSize) {
        public Frame toFrame(long correlationId) {
            PayloadWriter out = new PayloadWriter().writeInt(protocolVersion)
                    .writeString(info.connectionId()).writeString(info.brokerName()).writeString(info.brokerVersion())
                    .writeLong(heartbeatMillis).writeInt(maxFrameSize);
            return Frame.of(FrameType.CONNECTED, correlationId, out.toByteArray());
        }

        public static Connected decode(Frame frame) throws WireProtocolException {
            PayloadReader in = frame.reader();
            Connected connected = new Connected(in.readInt(),
                    new ConnectionInfo(in.readString(), in.readString(), in.readString()),
                    readHeartbeat(in), in.readNonNegativeInt("max frame size"));
            in.expectEnd();
            return connected;
        }
    }

    /**
     * The interval both sides use: the smaller of the two, or 0 (no heartbeats on this connection)
     * when either side asks for none, as a client whose URL says {@code heartbeat=0} does.
     */
    public static long negotiateHeartbeat(long clientMillis, long serverMillis) {
        if (clientMillis <= 0 || serverMillis <= 0) {
            return 0;
        }
        return Math.min(clientMillis, serverMillis);
    }

    private static long readHeartbeat(PayloadReader in) throws WireProtocolException {
        long millis = in.readLong();
        if (millis < 0) {
            throw new WireProtocolException("heartbeat interval must not be negative, got " + millis);
        }
        return millis;
    }
}
