package dev.petrel.bench.provider;

import dev.petrel.bench.Settings;
import dev.petrel.broker.EmbeddedBroker;
import jakarta.jms.ConnectionFactory;
import java.lang.reflect.Constructor;
import java.nio.file.Path;

/** Petrel embedded in the worker JVM, its clients connected in-VM ({@code vm://bench}); the H2 store, durable. */
final class PetrelVmProvider implements BenchProvider {
    private EmbeddedBroker broker;
    private ConnectionFactory factory;

    @Override
    public void start(Path dataDirectory, Settings settings) throws Exception {
        broker = EmbeddedBroker.builder().name("bench").dataDirectory(dataDirectory.resolve("petrel")).start();
        factory = newConnectionFactory(broker.url());
    }

    /** {@code new PetrelConnectionFactory(url)}, looked up by name until the client lands in main. */
    static ConnectionFactory newConnectionFactory(String url) throws ReflectiveOperationException {
        Class<?> type = Class.forName("dev.petrel.client.PetrelConnectionFactory");
        Constructor<?> constructor = type.getConstructor(String.class);
        return (ConnectionFactory) constructor.newInstance(url);
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
