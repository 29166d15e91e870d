package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Measures the store (prints, asserts nothing; not part of the test run). Arguments: a scratch
 * directory (default: a temp directory), seconds per scenario (default 5). For each design (direct
 * H2 sync, journal), after a raw fdatasync baseline: synchronous 1-operation batches from 1 and from 4 threads, and 1 KiB messages
 * (AddMessage + AddReference per batch) from 1 thread with up to 1,000 batches in flight.
 */
public final class StoreThroughputMain {
    private static final Logger LOG = LoggerFactory.getLogger(StoreThroughputMain.class);

    private StoreThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        Path scratch = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("petrel-store-measure");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Files.createDirectories(scratch);
        rawFdatasync(scratch.resolve("raw.seg"), seconds);
        for (boolean journal : new boolean[] {false, true}) {
            String design = journal ? "journal" : "direct-h2-sync";
            for (boolean callerLeads : new boolean[] {false, true}) {
                String how = design + (callerLeads ? ", writeForWaitingCaller" : ", write");
                syncWriters(scratch.resolve(design + "-1"), journal, 1, seconds, how, callerLeads);
                syncWriters(scratch.resolve(design + "-4"), journal, 4, seconds, how, callerLeads);
            }
            pipelined(scratch.resolve(design + "-p"), journal, seconds, design);
        }
    }

    /** The floor: 1 KiB written into a preallocated file, then fdatasync, in a loop on one thread. */
    private static void rawFdatasync(Path file, int seconds) throws Exception {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
            for (int i = 0; i < 64; i++) {
                zeros.clear();
                channel.write(zeros, (long) i << 20);
            }
            channel.force(true);
            ByteBuffer record = ByteBuffer.allocateDirect(1024);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            long n = 0;
            while (System.nanoTime() < deadline && n < 60_000) {
                record.clear();
                channel.write(record, n * 1024);
                channel.force(false);
                n++;
            }
            LOG.info("raw: 1 KiB write + fdatasync into a preallocated file, 1 thread: {} /s",
                    Math.round(n / ((System.nanoTime() - start) / 1e9)));
        }
        Files.delete(file);
    }

    private static H2MessageStore open(Path directory, boolean journal) throws Exception {
        H2MessageStore store = new H2MessageStore(H2StoreConfig.builder(directory).journal(journal).build());
        store.open();
        store.write(StoreTestSupport.addQueue(1, "measure")).get(30, TimeUnit.SECONDS);
        return store;
    }

    private static void syncWriters(Path directory, boolean journal, int threads, int seconds, String design,
                                    boolean callerLeads)
            throws Exception {
        H2MessageStore store = open(directory, journal);
        AtomicLong ids = new AtomicLong();
        AtomicLong done = new AtomicLong();
        byte[] body = new byte[1024];
        long syncsBefore = store.syncCount();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        long id = ids.incrementAndGet();
                        StoreBatch batch = new StoreBatch().add(new StoreOperation.AddMessage(id, body));
                        (callerLeads ? store.writeForWaitingCaller(batch) : store.write(batch)).get(30, TimeUnit.SECONDS);
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    LOG.error("writer failed", e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        long start = System.nanoTime();
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long syncs = store.syncCount() - syncsBefore;
        long closeStart = System.nanoTime();
        store.close();
        LOG.info("{}: {} thread(s), synchronous 1-op batches (1 KiB AddMessage): {} batches/s, {} syncs ({} batches/sync), close {} ms",
                design, threads, Math.round(done.get() / elapsed), syncs,
                String.format("%.1f", done.get() / (double) Math.max(1, syncs)),
                (System.nanoTime() - closeStart) / 1_000_000);
        delete(directory);
    }

    private static void pipelined(Path directory, boolean journal, int seconds, String design) throws Exception {
        H2MessageStore store = open(directory, journal);
        Semaphore inFlight = new Semaphore(1000);
        AtomicLong done = new AtomicLong();
        byte[] body = new byte[1024];
        long syncsBefore = store.syncCount();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        long id = 0;
        CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        while (System.nanoTime() < deadline) {
            inFlight.acquire();
            id++;
            last = store.write(new StoreBatch().add(new StoreOperation.AddMessage(id, body))
                    .add(new StoreOperation.AddReference(1, id, 4, 0)));
            last.whenComplete((v, e) -> {
                done.incrementAndGet();
                inFlight.release();
            });
        }
        last.get(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long syncs = store.syncCount() - syncsBefore;
        long readStart = System.nanoTime();
        int read = store.readReferences(1, id - 100, 100).size();
        long readMillis = (System.nanoTime() - readStart) / 1_000_000;
        long closeStart = System.nanoTime();
        long h2Syncs = store.h2SyncCount();
        store.close();
        LOG.info("{}: 1 thread, 1,000 in flight, 1 KiB messages (2 ops/batch): {} msg/s = {} ops/s, {} syncs"
                        + " ({} batches/sync), {} H2 syncs, first read after {} ms ({} refs), close {} ms",
                design, Math.round(done.get() / elapsed), Math.round(2 * done.get() / elapsed), syncs,
                String.format("%.1f", done.get() / (double) Math.max(1, syncs)), h2Syncs, readMillis, read,
                (System.nanoTime() - closeStart) / 1_000_000);
        delete(directory);
    }

    private static void delete(Path directory) throws Exception {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
