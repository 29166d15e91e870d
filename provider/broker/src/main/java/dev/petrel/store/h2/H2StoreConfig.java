package dev.petrel.store.h2;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How an {@link H2MessageStore} is set up. Build with {@link #builder(Path)}; every setting but the
 * directory has a default.
 *
 * @param directory          where the database, the journal and the lock file live (created if missing)
 * @param maxBatchOperations the most operations the store writer gathers into one group commit (a
 *                           single larger batch is still written whole); default 10,000
 * @param queueCapacity      how many submitted batches may wait for the store writer before
 *                           {@link H2MessageStore#write} blocks the caller; default 10,000
 * @param readPoolSize       pooled connections for {@link H2MessageStore#readReferences}; default 4
 * @param journal            true (default): confirm after a journal fdatasync and apply to H2 behind;
 *                           false: confirm after the H2 commit and {@code CHECKPOINT SYNC}
 * @param segmentSize        journal segment size in bytes, preallocated; default 16 MiB
 * @param maxApplyLagBytes   journal bytes confirmed but not yet applied to H2 before the store writer
 *                           waits for the applier (also bounds how long a read waits
 *                           for H2 to catch up); default 16 MiB
 */
public record H2StoreConfig(Path directory, int maxBatchOperations, int queueCapacity, int readPoolSize,
                            boolean journal, int segmentSize, long maxApplyLagBytes) {

    public H2StoreConfig {
        Objects.requireNonNull(directory, "directory");
        requirePositive("maxBatchOperations", maxBatchOperations);
        requirePositive("queueCapacity", queueCapacity);
        requirePositive("readPoolSize", readPoolSize);
        if (segmentSize < 4096) {
            throw new IllegalArgumentException("segmentSize " + segmentSize + " is below the minimum of 4096 bytes");
        }
        if (maxApplyLagBytes < segmentSize) {
            throw new IllegalArgumentException("maxApplyLagBytes " + maxApplyLagBytes
                    + " is below segmentSize " + segmentSize);
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /** Builds an {@link H2StoreConfig}; not thread-safe. */
    public static final class Builder {
        private final Path directory;
        private int maxBatchOperations = 10_000;
        private int queueCapacity = 10_000;
        private int readPoolSize = 4;
        private boolean journal = true;
        private int segmentSize = 16 * 1024 * 1024;
        private long maxApplyLagBytes = 16L * 1024 * 1024;

        private Builder(Path directory) {
            this.directory = directory;
        }

        public Builder maxBatchOperations(int value) {
            this.maxBatchOperations = value;
            return this;
        }

        public Builder queueCapacity(int value) {
            this.queueCapacity = value;
            return this;
        }

        public Builder readPoolSize(int value) {
            this.readPoolSize = value;
            return this;
        }

        public Builder journal(boolean value) {
            this.journal = value;
            return this;
        }

        public Builder segmentSize(int value) {
            this.segmentSize = value;
            return this;
        }

        public Builder maxApplyLagBytes(long value) {
            this.maxApplyLagBytes = value;
            return this;
        }

        public H2StoreConfig build() {
            return new H2StoreConfig(directory, maxBatchOperations, queueCapacity, readPoolSize, journal,
                    segmentSize, maxApplyLagBytes);
        }
    }
}
