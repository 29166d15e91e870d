package dev.petrel.bench.provider;

import java.lang.reflect.InvocationTargetException;

/**
 * A column of the result table: the provider id used on command lines, the column label, whether a
 * persistent send is durable on disk before it is confirmed (only such peers get a Petrel ratio),
 * how its clients connect ({@code tcp} or {@code vm}: Petrel is compared with each peer on the same
 * transport when both were run), the family whose classpath folder ({@code lib-<family>}) its worker
 * runs with, and its
 * {@link BenchProvider} class, named rather than referenced so a worker loads only its own family's
 * classes. Immutable.
 */
public record ProviderInfo(String id, String label, boolean durableBeforeConfirm, boolean petrel, String transport,
                           String family, String className) {

    /**
     * Makes the provider (in a worker whose classpath holds its family).
     *
     * @throws IllegalStateException naming the class when it cannot be made
     */
    public BenchProvider create() {
        try {
            return (BenchProvider) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("provider " + id + " cannot be made from " + className + ": " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("provider " + id + ": " + className + "() failed: " + e.getCause(), e.getCause());
        }
    }
}
