package dev.petrel.bench.limits;

import dev.petrel.bench.stats.LongSamples;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data disk's limit for a durable append: 1 KiB written into a preallocated file, then
 * {@code FileChannel.force(false)} (fdatasync), repeated for a fixed time. Metrics {@code rate}
 * (syncs/s), {@code p50} and {@code p99} (µs) and {@code p10Nanos}:
 * the disk's own sync time, Artemis's journal buffer timeout (a low percentile, because on a shared
 * machine other processes' syncs queue ahead of ours and inflate the median and the mean, and a
 * buffer timeout sized by that contention would slow Artemis's synchronous sends for no reason).
 */
public final class DiskSyncProbe {
    private static final int FILE_BYTES = 64 * 1024 * 1024;
    private static final int RECORD_BYTES = 1024;

    private DiskSyncProbe() {
    }

    public static Map<String, Double> run(Path directory, long millis) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("sync-probe.dat");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            preallocate(channel);
            ByteBuffer record = ByteBuffer.allocateDirect(RECORD_BYTES);
            LongSamples times = new LongSamples();
            long position = 0;
            long start = System.nanoTime();
            long end = start + millis * 1_000_000;
            long now = start;
            while (now < end) {
                record.clear();
                record.putLong(0, position);
                while (record.hasRemaining()) {
                    channel.write(record, position + record.position());
                }
                channel.force(false);
                long after = System.nanoTime();
                times.add(after - now);
                now = after;
                position = (position + RECORD_BYTES) % FILE_BYTES;
            }
            Map<String, Double> result = new LinkedHashMap<>();
            result.put("rate", times.size() * 1e9 / (now - start));
            result.put("p50", times.percentile(0.50) / 1_000.0);
            result.put("p99", times.percentile(0.99) / 1_000.0);
            result.put("p10Nanos", (double) times.percentile(0.10));
            return result;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void preallocate(FileChannel channel) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(1024 * 1024);
        for (long written = 0; written < FILE_BYTES; ) {
            zeros.clear();
            written += channel.write(zeros, written);
        }
        channel.force(true);
    }
}
