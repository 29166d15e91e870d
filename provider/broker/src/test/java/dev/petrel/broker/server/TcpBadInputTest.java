package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.wire.ErrorPayload;
import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.FrameType;
import dev.petrel.protocol.wire.Request;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile or broken input closes only that connection; the server goes on serving others. */
class TcpBadInputTest extends ServerTestSupport {

    private void assertServerStillServesAnotherClient() throws JMSException {
        BrokerConnection other = connect(new RecordingClientHandler());
        other.createSession(1, 1);
        other.close();
    }

    private static String closingReason(List<Frame> frames) throws Exception {
        for (Frame frame : frames) {
            if (frame.type() == FrameType.ERROR && frame.correlationId() == 0) {
                return ErrorPayload.decode(frame).message();
            }
        }
        throw new AssertionError("no connection-level ERROR frame among " + frames);
    }

    @Test
    void hugeDeclaredLengthClosesTheConnectionBeforeAllocating() throws Exception {
        start(config().maxFrameSize(64 * 1024));
        try (RawClient raw = new RawClient(server.port())) {
            raw.handshake(0);
            raw.bytes(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
            String reason = closingReason(raw.readUntilClosed());
            assertTrue(reason.contains("2147483647") && reason.contains("65536"), reason);
        }
        Await.until("broker connection closed", () -> endpoint.connection(0).isClosed());
        assertServerStillServesAnotherClient();
    }

    @Test
    void truncatedPayloadClosesTheConnection() throws Exception {
        start();
        try (RawClient raw = new RawClient(server.port())) {
            raw.handshake(0);
            raw.frame(Frame.of(FrameType.PULL, 2, new byte[] {1, 2, 3}));
            String reason = closingReason(raw.readUntilClosed());
            assertTrue(reason.contains("PULL frame: truncated"), reason);
        }
        assertServerStillServesAnotherClient();
    }

    @Test
    void streamEndingInsideAFrameClosesOnlyThatConnection() throws Exception {
        start();
        try (RawClient raw = new RawClient(server.port())) {
            raw.handshake(0);
            raw.bytes(ByteBuffer.allocate(12).putInt(100).put(FrameType.PULL.code()).array());
            raw.shutdownOutput();
            raw.readUntilClosed();
        }
        Await.until("broker connection closed", () -> endpoint.connection(0).isClosed());
        assertServerStillServesAnotherClient();
    }

    @Test
    void unknownFrameTypeClosesTheConnection() throws Exception {
        start();
        try (RawClient raw = new RawClient(server.port())) {
            raw.handshake(0);
            raw.bytes(ByteBuffer.allocate(14).putInt(10).put((byte) 0x6E).put((byte) 0).putLong(5).array());
            String reason = closingReason(raw.readUntilClosed());
            assertTrue(reason.contains("unknown frame type 0x6E"), reason);
        }
        assertServerStillServesAnotherClient();
    }

    @Test
    void garbageInsteadOfThePreambleClosesTheConnection() throws Exception {
        start();
        try (RawClient raw = new RawClient(server.port())) {
            raw.bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String reason = closingReason(raw.readUntilClosed());
            assertTrue(reason.contains("expected magic bytes 'PTRL'"), reason);
        }
        assertTrue(endpoint.requests.isEmpty());
        assertServerStillServesAnotherClient();
    }

    @Test
    void unsupportedProtocolVersionIsAnsweredWithAnErrorNamingBothVersions() throws Exception {
        start();
        try (RawClient raw = new RawClient(server.port())) {
            raw.preamble(99);
            String reason = closingReason(raw.readUntilClosed());
            assertTrue(reason.contains("version 99 is not supported") && reason.contains("speaks version 1"), reason);
        }
        assertServerStillServesAnotherClient();
    }

    @Test
    void requestBeforeConnectClosesTheConnection() throws Exception {
        start();
        try (RawClient raw = new RawClient(server.port())) {
            raw.preamble(FrameCodec.PROTOCOL_VERSION);
            raw.frame(new Request.Pull(1).toFrame(1));
            String reason = closingReason(raw.readUntilClosed());
            assertTrue(reason.contains("expected a CONNECT frame first, got PULL"), reason);
        }
        assertTrue(endpoint.requests.isEmpty());
        assertServerStillServesAnotherClient();
    }

    @Test
    void handshakeThatNeverComesTimesOut() throws Exception {
        start(config().handshakeTimeoutMillis(200));
        try (RawClient raw = new RawClient(server.port())) {
            assertEquals(List.of(), raw.readUntilClosed());
        }
        assertServerStillServesAnotherClient();
    }

    @Test
    void clientThatStopsReadingIsDisconnected() throws Exception {
        start(config().maxPendingWriteBytes(2 * 1024 * 1024).writeStallTimeoutMillis(500));
        try (RawClient raw = new RawClient(server.port(), 4096)) {
            raw.handshake(0);
            RecordingConnection broker = endpoint.connection(0);
            String big = "x".repeat(64 * 1024);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!broker.isClosed() && System.nanoTime() < deadline) {
                broker.handler.consumerClosed(1, new JMSException(big));
            }
            assertTrue(broker.isClosed(), "server should have given up on the client");
        }
        assertServerStillServesAnotherClient();
    }
}
