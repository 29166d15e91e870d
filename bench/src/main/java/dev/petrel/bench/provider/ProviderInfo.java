package dev.petrel.bench.provider;

import java.util.function.Supplier;

/**
 * A column of the result table: the provider id used on command lines, the column label, whether a
 * persistent send is durable on disk before it is confirmed (only such peers get a Petrel ratio),
 * and how to make the provider in a worker. Immutable.
 */
public record ProviderInfo(String id, String label, boolean durableBeforeConfirm, boolean petrel,
                           Supplier<BenchProvider> factory) {
}
