package dev.petrel.transport.tcp;

import dev.petrel.transport.ConnectRequest;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpClientOptionsTest {

    private static TcpClientOptions parse(String url, Map<String, String> options) throws JMSException {
        return TcpClientOptions.parse(new ConnectRequest(URI.create(url), options, null, null));
    }

    @Test
    void defaultsApplyWhenTheUrlSaysNothing() throws Exception {
        TcpClientOptions options = parse("tcp://broker.example", Map.of());
        assertEquals(61616, options.port());
        assertEquals(10_000, options.heartbeatMillis());
        assertEquals(1000, options.producerWindow());
        assertFalse(options.ssl());
    }

    @Test
    void optionsOverrideTheDefaults() throws Exception {
        TcpClientOptions options = parse("ssl://h:1234", Map.of("heartbeat", "0", "producerWindow", "5"));
        assertEquals(1234, options.port());
        assertEquals(0, options.heartbeatMillis());
        assertEquals(5, options.producerWindow());
        assertTrue(options.ssl());
    }

    @Test
    void nonNumericOptionIsRejectedNamingOptionAndValue() {
        JMSException e = assertThrows(JMSException.class, () -> parse("tcp://h:1", Map.of("heartbeat", "soon")));
        assertTrue(e.getMessage().contains("heartbeat=soon"), e.getMessage());
    }

    @Test
    void outOfRangeOptionIsRejectedNamingTheLimits() {
        JMSException e = assertThrows(JMSException.class, () -> parse("tcp://h:1", Map.of("producerWindow", "0")));
        assertTrue(e.getMessage().contains("between 1 and"), e.getMessage());
    }

    @Test
    void urlWithoutHostIsRejected() {
        assertThrows(JMSException.class, () -> parse("tcp:///nohost", Map.of()));
    }

    @Test
    void storeSettingsAreNeverForwardedToTheBroker() throws Exception {
        TcpClientOptions options = parse("ssl://h:1", Map.of("trustStore", "/t", "trustStorePassword", "p",
                "keyStore", "/k", "keyStorePassword", "q", "prefetch", "3"));
        assertEquals(Map.of("prefetch", "3"), options.forwarded());
    }
}
