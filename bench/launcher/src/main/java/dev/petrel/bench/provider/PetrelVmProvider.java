package dev.petrel.bench.provider;

import dev.petrel.bench.Settings;
import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;

/** Petrel embedded in the worker JVM, its clients connected in-VM ({@code vm://bench}); the H2 store, durable. */
final class PetrelVmProvider implements BenchProvider {
    private EmbeddedBroker broker;
    private ConnectionFactory factory;

    @Override
    public void start(Path dataDirectory, Settings settings) {
        broker = EmbeddedBroker.builder().name("bench").dataDirectory(dataDirectory.resolve("petrel")).start();
        factory = new PetrelConnectionFactory(broker.url());
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
