package dev.petrel.transport.tcp;

import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.transport.ConnectRequest;
import jakarta.jms.JMSException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one TCP or TLS connection, read from its URL: {@code tcp://host:port?opt=value&...}
 * or {@code ssl://...}. Options: {@code heartbeat} (ms, default 10000, 0 disables),
 * {@code producerWindow} (async sends in flight, default 1000), {@code connectTimeout} (ms, default
 * 10000), {@code maxFrameSize} (bytes, default 16 MiB); TLS: {@code trustStore},
 * {@code trustStorePassword}, {@code keyStore}, {@code keyStorePassword} (client certificate,
 * optional), {@code verifyHost} (default true). Options the transport does not use (e.g.
 * {@code prefetch}) are forwarded to the broker in CONNECT; store settings never are. Immutable.
 */
record TcpClientOptions(URI uri, String host, int port, boolean ssl, long heartbeatMillis, int producerWindow,
                        int connectTimeoutMillis, int maxFrameSize, String trustStore, String trustStorePassword,
                        String keyStore, String keyStorePassword, boolean verifyHost,
                        Map<String, String> forwarded) {

    static final int DEFAULT_PORT = 61616;
    static final long DEFAULT_HEARTBEAT_MILLIS = 10_000;
    static final int DEFAULT_PRODUCER_WINDOW = 1000;
    /** One day: longer intervals detect nothing useful, and three of them must fit in a long. */
    static final long MAX_HEARTBEAT_MILLIS = 86_400_000L;

    static TcpClientOptions parse(ConnectRequest request) throws JMSException {
        URI uri = request.uri();
        String scheme = uri.getScheme();
        if (uri.getHost() == null) {
            throw new JMSException("broker URL " + uri + " has no host: expected " + scheme + "://host:port");
        }
        Map<String, String> options = request.options() == null ? Map.of() : request.options();
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (!e.getKey().startsWith("trustStore") && !e.getKey().startsWith("keyStore")) {
                forwarded.put(e.getKey(), e.getValue());
            }
        }
        return new TcpClientOptions(uri, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                "ssl".equalsIgnoreCase(scheme),
                number(uri, options, "heartbeat", DEFAULT_HEARTBEAT_MILLIS, 0, MAX_HEARTBEAT_MILLIS),
                (int) number(uri, options, "producerWindow", DEFAULT_PRODUCER_WINDOW, 1, Integer.MAX_VALUE),
                (int) number(uri, options, "connectTimeout", 10_000, 1, Integer.MAX_VALUE),
                (int) number(uri, options, "maxFrameSize", FrameCodec.DEFAULT_MAX_FRAME_SIZE,
                        FrameCodec.HEADER_LENGTH, Integer.MAX_VALUE),
                options.get("trustStore"), options.get("trustStorePassword"),
                options.get("keyStore"), options.get("keyStorePassword"),
                !"false".equalsIgnoreCase(options.getOrDefault("verifyHost", "true")),
                Map.copyOf(forwarded));
    }

    /** Where the client says it is connecting, for messages: scheme://host:port. */
    String address() {
        return (ssl ? "ssl" : "tcp") + "://" + host + ":" + port;
    }

    private static long number(URI uri, Map<String, String> options, String name, long defaultValue,
                               long min, long max) throws JMSException {
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                throw new JMSException("URL option " + name + "=" + text + " of " + uri
                        + " is out of range: must be between " + min + " and " + max);
            }
            return value;
        } catch (NumberFormatException e) {
            JMSException error = new JMSException("URL option " + name + "=" + text + " of " + uri + " is not a number");
            error.initCause(e);
            throw error;
        }
    }
}
