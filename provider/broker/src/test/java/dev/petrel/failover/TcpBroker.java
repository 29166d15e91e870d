package dev.petrel.failover;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A persistent embedded broker with a TCP listener on 127.0.0.1, for failover tests: it can be
 * stopped (listener and broker) and started again on the same port and data directory.
 *
 * <p>Threading: confined to the test thread.
 */
final class TcpBroker implements AutoCloseable {

    private final String name;
    private final Path dataDirectory;
    private EmbeddedBroker broker;
    private TcpServer server;
    private int port;

    private TcpBroker(String name, Path dataDirectory) {
        this.name = name;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a broker on an ephemeral port. */
    static TcpBroker start(String name, Path dataDirectory) {
        TcpBroker broker = new TcpBroker(name, dataDirectory);
        broker.startOn(0);
        return broker;
    }

    /** Starts the stopped broker again on the port it had, with the same data directory. */
    void restart() {
        startOn(port);
    }

    private void startOn(int wantedPort) {
        broker = EmbeddedBroker.builder().name(name).dataDirectory(dataDirectory).start();
        try {
            server = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(wantedPort).build(), broker.broker());
        } catch (IOException e) {
            broker.close();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + wantedPort, e);
        }
        port = server.port();
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Closes the listener (dropping every client connection) and the broker. */
    void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
