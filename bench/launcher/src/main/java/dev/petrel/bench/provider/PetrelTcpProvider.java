package dev.petrel.bench.provider;

import dev.petrel.bench.Settings;
import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;

/**
 * PETREL-TCP: Petrel embedded in the worker JVM (the same broker as {@link PetrelVmProvider}) with a
 * TCP listener on an ephemeral 127.0.0.1 port; its clients connect over {@code tcp://}.
 */
class PetrelTcpProvider implements BenchProvider {
    private EmbeddedBroker broker;
    private TcpServer server;
    private ConnectionFactory factory;

    @Override
    public void start(Path dataDirectory, Settings settings) throws Exception {
        broker = EmbeddedBroker.builder().name("bench").dataDirectory(dataDirectory.resolve("petrel")).start();
        server = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker.broker());
        factory = new PetrelConnectionFactory(server.url());
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
        }
    }
}
