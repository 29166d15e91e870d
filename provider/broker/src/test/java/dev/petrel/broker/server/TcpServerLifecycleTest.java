package dev.petrel.broker.server;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpServerLifecycleTest extends ServerTestSupport {

    @Test
    void portInUseFailsStartWithAnExceptionNamingHostAndPort() throws Exception {
        start();
        int taken = server.port();
        BindException e = assertThrows(BindException.class,
                () -> closeLater(TcpServer.start(config().port(taken).build(), endpoint)));
        assertTrue(e.getMessage().contains("127.0.0.1:" + taken), e.getMessage());
    }

    @Test
    void ephemeralPortIsReportedInTheUrl() throws Exception {
        start();
        assertTrue(server.port() > 0);
        assertEquals("tcp://127.0.0.1:" + server.port(), server.url());
    }

    @Test
    void missingKeyStoreFailsStartNamingTheFile() {
        Path missing = Path.of("no-such-dir", "keys.p12");
        IOException e = assertThrows(IOException.class,
                () -> closeLater(TcpServer.start(config().keyStore(missing, "pw").build(), endpoint)));
        assertTrue(e.getMessage().contains("keys.p12"), e.getMessage());
    }

    @Test
    void invalidConfigValueIsRejectedNamingTheSettingAndTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config().maxFrameSize(4).build());
        assertTrue(e.getMessage().contains("maxFrameSize = 4") && e.getMessage().contains(">= 10"), e.getMessage());
    }

    @Test
    void closedServerRefusesNewConnections() throws Exception {
        start();
        int port = server.port();
        server.close();
        assertThrows(IOException.class, () -> new RawClient(port).handshake(0));
    }
}
