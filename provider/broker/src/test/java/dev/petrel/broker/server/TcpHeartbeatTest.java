package dev.petrel.broker.server;

import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameType;
import dev.petrel.protocol.wire.Handshake;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpHeartbeatTest extends ServerTestSupport {

    @Test
    void serverClosesAClientThatFallsSilentForThreeHeartbeatIntervals() throws Exception {
        start();
        try (RawClient raw = new RawClient(server.port())) {
            Frame connected = raw.handshake(100);
            assertEquals(100, Handshake.Connected.decode(connected).heartbeatMillis());
            List<Frame> frames = raw.readUntilClosed();
            assertTrue(frames.stream().anyMatch(f -> f.type() == FrameType.PING), "server pings an idle client");
        }
        Await.until("broker connection closed", () -> endpoint.connection(0).isClosed());
    }

    @Test
    void clientAskingForNoHeartbeatsTurnsThemOffForItsConnection() throws Exception {
        start(config().heartbeatMillis(7_000));
        try (RawClient raw = new RawClient(server.port())) {
            assertEquals(0, Handshake.Connected.decode(raw.handshake(0)).heartbeatMillis());
        }
    }

    @Test
    void serverWithTheShorterIntervalImposesIt() throws Exception {
        start(config().heartbeatMillis(3_000));
        try (RawClient raw = new RawClient(server.port())) {
            assertEquals(3_000, Handshake.Connected.decode(raw.handshake(20_000)).heartbeatMillis());
        }
    }
}
