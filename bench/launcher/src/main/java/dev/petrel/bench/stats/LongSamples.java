package dev.petrel.bench.stats;

import java.util.Arrays;

/**
 * A growable list of long samples (latencies in nanoseconds, say) and their percentiles.
 * Threading: not thread-safe; one thread records, and reads happen after it is joined.
 */
public final class LongSamples {
    private long[] values = new long[1024];
    private int size;

    public void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    public int size() {
        return size;
    }

    /**
     * The {@code fraction} percentile (0.5 = median, 0.999 = p99.9) by the nearest-rank method.
     *
     * @throws IllegalStateException when there are no samples
     */
    public long percentile(double fraction) {
        if (size == 0) {
            throw new IllegalStateException("no samples recorded: a percentile needs at least one");
        }
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("percentile fraction must be within 0..1, got " + fraction);
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * size);
        return sorted[Math.max(0, rank - 1)];
    }

    public double mean() {
        if (size == 0) {
            throw new IllegalStateException("no samples recorded: a mean needs at least one");
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }
}
