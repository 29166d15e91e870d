package dev.petrel.bench.provider;

import dev.petrel.bench.Settings;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;

/**
 * One JMS provider as the benchmark sees it: an embedded broker started in the worker JVM and the
 * standard {@link ConnectionFactory} that reaches it. Every scenario uses only {@code jakarta.jms}.
 *
 * <p>Lifecycle: {@link #start} once, {@link #connectionFactory()} any number of times, {@link #close()}
 * once. Threading: start and close from one thread; the connection factory is shared by scenario threads.
 */
public interface BenchProvider extends AutoCloseable {

    /**
     * Starts the broker with its store under {@code dataDirectory} (fresh and empty).
     *
     * @param settings gives the disk's measured sync time, for providers that size a timer by it
     */
    void start(Path dataDirectory, Settings settings) throws Exception;

    /** The factory every client of this run connects through. */
    ConnectionFactory connectionFactory();

    /**
     * The acknowledge mode of the scenarios' consumers that are not transacted: AUTO_ACKNOWLEDGE, as
     * an application would use; a relaxed column may choose DUPS_OK_ACKNOWLEDGE.
     */
    default int acknowledgeMode() {
        return jakarta.jms.Session.AUTO_ACKNOWLEDGE;
    }

    /** Stops the broker and releases its store. */
    @Override
    void close() throws Exception;
}
