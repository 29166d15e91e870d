package dev.petrel.bench.provider;

import dev.petrel.bench.Settings;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;

/**
 * PETREL-TCP: Petrel embedded in the worker JVM with its clients over {@code tcp://127.0.0.1}.
 * Fill in {@link #start} once the broker has a TCP acceptor: start the {@code EmbeddedBroker} with
 * a loopback listener (as {@link PetrelVmProvider} does, plus the port) and build the factory from
 * {@code tcp://127.0.0.1:<port>}. Until then the worker reports this column as failed to start.
 */
final class PetrelTcpProvider implements BenchProvider {

    @Override
    public void start(Path dataDirectory, Settings settings) {
        throw new UnsupportedOperationException("Petrel over tcp:// is not available yet: "
                + "PetrelTcpProvider is the place to start it once the TCP transport lands");
    }

    @Override
    public ConnectionFactory connectionFactory() {
        throw new IllegalStateException("Petrel over tcp:// was never started");
    }

    @Override
    public void close() {
        // nothing was started
    }
}
