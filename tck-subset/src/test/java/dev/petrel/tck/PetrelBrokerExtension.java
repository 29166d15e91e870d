package dev.petrel.tck;

import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Starts one embedded broker per test class, with a fresh temporary data directory, and resolves
 * {@link ConnectionFactory} and {@link TckBroker} parameters. The broker is closed and its data
 * directory deleted after the last test of the class.
 */
public final class PetrelBrokerExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PetrelBrokerExtension.class);
    private static final String BROKER = "broker";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path dir = Files.createTempDirectory("petrel-tck-");
        String name = "tck-" + context.getRequiredTestClass().getSimpleName() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        context.getStore(NAMESPACE).put(BROKER, TckBroker.start(name, dir));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        TckBroker broker = context.getStore(NAMESPACE).remove(BROKER, TckBroker.class);
        if (broker != null) {
            try {
                broker.close();
            } finally {
                deleteRecursively(broker.dataDirectory());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == ConnectionFactory.class || type == TckBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TckBroker broker = context.getStore(NAMESPACE).get(BROKER, TckBroker.class);
        if (broker == null) {
            throw new ParameterResolutionException("no broker was started for " + context.getUniqueId());
        }
        return parameter.getParameter().getType() == TckBroker.class ? broker : broker.connectionFactory();
    }

    /** Deletes a directory tree; used for data directories the fixture created. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the test data directory " + dir, e);
        }
    }
}
