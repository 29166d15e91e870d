package dev.petrel.store.h2;

import dev.petrel.store.Recovery;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a child JVM by {@link KillDuringWritesTest}: opens the store in {@code args[0]} (journal if
 * {@code args[1]} is true), then writes one message per batch from {@code args[2]} threads forever,
 * printing each message id on stdout (flushed) once its write future completed. Stdout is the
 * protocol with the parent test, so it is used here on purpose.
 */
public final class CrashingWriterMain {
    private CrashingWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        boolean journal = Boolean.parseBoolean(args[1]);
        int threads = Integer.parseInt(args[2]);
        H2MessageStore store = new H2MessageStore(H2StoreConfig.builder(directory).journal(journal)
                .segmentSize(256 * 1024).maxApplyLagBytes(1024 * 1024).build());
        Recovery recovery = store.open();
        if (recovery.queues().isEmpty()) {
            store.write(StoreTestSupport.addQueue(1, "crash")).get(30, TimeUnit.SECONDS);
        }
        AtomicLong nextId = new AtomicLong(recovery.maxMessageId());
        PrintStream out = System.out;
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (true) {
                        long id = nextId.incrementAndGet();
                        store.write(StoreTestSupport.send(1, id)).get(30, TimeUnit.SECONDS);
                        synchronized (out) {
                            out.println(id);
                            out.flush();
                        }
                    }
                } catch (Exception e) {
                    synchronized (out) {
                        out.println("FAILED " + e);
                        out.flush();
                    }
                }
            }, "crash-writer-" + t);
            thread.start();
        }
        Thread.currentThread().join();
    }
}
