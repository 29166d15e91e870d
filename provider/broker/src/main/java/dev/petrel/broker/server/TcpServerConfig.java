package dev.petrel.broker.server;

import dev.petrel.protocol.wire.FrameCodec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the TCP server listens. Immutable; build with {@link #builder()}. Every setting has a default:
 * bind host 127.0.0.1, port 61616, max frame 16 MiB, heartbeat 10 s, handshake timeout 10 s, no TLS.
 *
 * @param bindHost               the interface to listen on ({@code 0.0.0.0} for all)
 * @param port                   the port; 0 picks a free one ({@link TcpServer#port()} tells which)
 * @param maxFrameSize           largest frame accepted (its length field); larger closes the connection
 * @param heartbeatMillis        the server's heartbeat interval, 0 for none (negotiated with the client's)
 * @param handshakeTimeoutMillis how long a new connection may take to complete preamble and CONNECT
 * @param maxPendingWriteBytes   bytes queued for a client that does not read before it is disconnected
 * @param writeStallTimeoutMillis how long a client may leave the server unable to write before it is disconnected
 * @param maxQueuedRequests      requests of one connection waiting for the broker before the server stops reading it
 * @param ioThreads              Netty I/O threads, 0 for Netty's default (2 x cores)
 * @param keyStore               PKCS12/JKS key store with the server certificate: TLS on when set
 * @param keyStorePassword       its password
 * @param trustStore             trust store for client certificates (with {@code needClientAuth})
 * @param trustStorePassword     its password
 * @param needClientAuth         require a client certificate trusted by {@code trustStore}
 */
public record TcpServerConfig(String bindHost, int port, int maxFrameSize, long heartbeatMillis,
                              long handshakeTimeoutMillis, long maxPendingWriteBytes, long writeStallTimeoutMillis,
                              int maxQueuedRequests, int ioThreads, Path keyStore, String keyStorePassword,
                              Path trustStore, String trustStorePassword, boolean needClientAuth) {

    public TcpServerConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        check(port >= 0 && port <= 65535, "port", port, "0..65535");
        check(maxFrameSize >= FrameCodec.HEADER_LENGTH, "maxFrameSize", maxFrameSize, ">= " + FrameCodec.HEADER_LENGTH);
        check(heartbeatMillis >= 0 && heartbeatMillis <= 86_400_000L, "heartbeatMillis", heartbeatMillis, "0..86400000 (one day)");
        check(handshakeTimeoutMillis > 0, "handshakeTimeoutMillis", handshakeTimeoutMillis, "> 0");
        check(maxPendingWriteBytes > 0, "maxPendingWriteBytes", maxPendingWriteBytes, "> 0");
        check(writeStallTimeoutMillis > 0, "writeStallTimeoutMillis", writeStallTimeoutMillis, "> 0");
        check(maxQueuedRequests > 0, "maxQueuedRequests", maxQueuedRequests, "> 0");
        check(ioThreads >= 0, "ioThreads", ioThreads, ">= 0");
        check(!needClientAuth || keyStore != null, "needClientAuth", needClientAuth, "only with a keyStore (TLS)");
    }

    /** True when connections use TLS. */
    public boolean tls() {
        return keyStore != null;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void check(boolean ok, String name, Object value, String allowed) {
        if (!ok) {
            throw new IllegalArgumentException("TcpServerConfig." + name + " = " + value + " is invalid: must be " + allowed);
        }
    }

    /** Builds a {@link TcpServerConfig}; not thread-safe. */
    public static final class Builder {
        private String bindHost = "127.0.0.1";
        private int port = 61616;
        private int maxFrameSize = FrameCodec.DEFAULT_MAX_FRAME_SIZE;
        private long heartbeatMillis = 10_000;
        private long handshakeTimeoutMillis = 10_000;
        private long maxPendingWriteBytes = 64L * 1024 * 1024;
        private long writeStallTimeoutMillis = 30_000;
        private int maxQueuedRequests = 1024;
        private int ioThreads;
        private Path keyStore;
        private String keyStorePassword;
        private Path trustStore;
        private String trustStorePassword;
        private boolean needClientAuth;

        public Builder bindHost(String value) { bindHost = value; return this; }
        public Builder port(int value) { port = value; return this; }
        public Builder maxFrameSize(int value) { maxFrameSize = value; return this; }
        public Builder heartbeatMillis(long value) { heartbeatMillis = value; return this; }
        public Builder handshakeTimeoutMillis(long value) { handshakeTimeoutMillis = value; return this; }
        public Builder maxPendingWriteBytes(long value) { maxPendingWriteBytes = value; return this; }
        public Builder writeStallTimeoutMillis(long value) { writeStallTimeoutMillis = value; return this; }
        public Builder maxQueuedRequests(int value) { maxQueuedRequests = value; return this; }
        public Builder ioThreads(int value) { ioThreads = value; return this; }

        /** Turns TLS on with this key store (type detected from the file: PKCS12 or JKS). */
        public Builder keyStore(Path path, String password) { keyStore = path; keyStorePassword = password; return this; }

        public Builder trustStore(Path path, String password) { trustStore = path; trustStorePassword = password; return this; }
        public Builder needClientAuth(boolean value) { needClientAuth = value; return this; }

        public TcpServerConfig build() {
            return new TcpServerConfig(bindHost, port, maxFrameSize, heartbeatMillis, handshakeTimeoutMillis,
                    maxPendingWriteBytes, writeStallTimeoutMillis, maxQueuedRequests, ioThreads, keyStore,
                    keyStorePassword, trustStore, trustStorePassword, needClientAuth);
        }
    }
}
