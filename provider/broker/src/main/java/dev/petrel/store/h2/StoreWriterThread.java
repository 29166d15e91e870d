package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one store writer thread ({@code petrel-store-writer}): takes submitted batches from a bounded
 * queue, gathers everything pending (up to a number of operations and {@link #MAX_GROUP_BYTES}) into one group, has it made
 * durable by a {@link GroupPersister} and then completes every waiter's future. No timers: under load
 * groups grow by themselves while the previous group is being synced.
 *
 * <p>After a failed group the writer fails every later batch with a {@link StoreException} naming
 * the first failure: it never confirms anything after a write it could not complete.
 *
 * <p>Threading: {@link #submit} from any thread (it blocks while the queue is full, except on the
 * writer thread itself, i.e. in a completion callback, where the batch joins a writer-local backlog);
 * {@link #close} from any thread, once.
 */
final class StoreWriterThread {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriterThread.class);
    private static final PendingWrite CLOSE = new PendingWrite(new StoreBatch(), new CompletableFuture<>(), 0);

    /** Groups stop growing past this many bytes of message bodies (plus 32 per operation). */
    static final long MAX_GROUP_BYTES = 32L * 1024 * 1024;

    private record PendingWrite(StoreBatch batch, CompletableFuture<Void> future, long bytes) {
    }

    /** A batch's approximate size in a group: its message bodies plus 32 bytes per operation. */
    static long weight(StoreBatch batch) {
        long bytes = 32L * batch.size();
        for (StoreOperation operation : batch.operations()) {
            if (operation instanceof StoreOperation.AddMessage m) {
                bytes += m.encoded().length;
            } else if (operation instanceof StoreOperation.PrepareTransaction p) {
                bytes += weight(new StoreBatch().addAll(p.operations()));
            }
        }
        return bytes;
    }

    private final String location;
    private final GroupPersister persister;
    private final int maxGroupOperations;
    private final BlockingQueue<PendingWrite> queue;
    private final ArrayDeque<PendingWrite> backlog = new ArrayDeque<>();
    private final Thread thread;
    private final AtomicLong groups = new AtomicLong();
    private volatile boolean closing;
    private volatile StoreException failure;

    StoreWriterThread(String location, GroupPersister persister, int maxGroupOperations, int queueCapacity) {
        this.location = location;
        this.persister = persister;
        this.maxGroupOperations = maxGroupOperations;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "petrel-store-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long groupCount() {
        return groups.get();
    }

    /** The failure that stopped writes, or null. */
    StoreException failure() {
        return failure;
    }

    /** Queues the batch; {@code bytes} is its {@link #weight}. */
    CompletableFuture<Void> submit(StoreBatch batch, long bytes) {
        PendingWrite write = new PendingWrite(batch, new CompletableFuture<>(), bytes);
        if (closing) {
            return failClosed(write);
        }
        if (Thread.currentThread() == thread) {
            backlog.add(write);
            return write.future;
        }
        try {
            while (!queue.offer(write, 100, TimeUnit.MILLISECONDS)) {
                if (closing) {
                    return failClosed(write);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write.future.completeExceptionally(new StoreException(
                    "interrupted while waiting for room in the store writer queue of " + location, e));
            return write.future;
        }
        if (closing && queue.remove(write)) {
            return failClosed(write);
        }
        return write.future;
    }

    private CompletableFuture<Void> failClosed(PendingWrite write) {
        write.future.completeExceptionally(new StoreException("store at " + location + " is closed"));
        return write.future;
    }

    private void run() {
        List<PendingWrite> group = new ArrayList<>();
        boolean sawClose = false;
        while (true) {
            PendingWrite first = backlog.poll();
            if (first == null) {
                if (sawClose) {
                    break;
                }
                first = take();
                if (first == CLOSE) {
                    sawClose = true;
                    continue;
                }
            }
            group.add(first);
            int operations = first.batch.size();
            long bytes = first.bytes;
            while (operations < maxGroupOperations && bytes < MAX_GROUP_BYTES) {
                PendingWrite next = backlog.poll();
                if (next == null && !sawClose) {
                    next = queue.poll();
                }
                if (next == null) {
                    break;
                }
                if (next == CLOSE) {
                    sawClose = true;
                    break;
                }
                group.add(next);
                operations += next.batch.size();
                bytes += next.bytes;
            }
            persistAndComplete(group);
            group.clear();
        }
        closePersister();
    }

    private PendingWrite take() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                LOG.warn("store writer of {} ignores an interrupt; close the store to stop it", location);
            }
        }
    }

    private void persistAndComplete(List<PendingWrite> group) {
        StoreException stopped = failure;
        if (stopped == null) {
            List<StoreBatch> batches = new ArrayList<>(group.size());
            for (PendingWrite write : group) {
                batches.add(write.batch);
            }
            try {
                persister.persist(batches);
                groups.incrementAndGet();
                for (PendingWrite write : group) {
                    write.future.complete(null);
                }
                return;
            } catch (Exception | Error e) {
                // An Error too: the waiters must learn that their writes are not confirmed.
                failure = new StoreException("writing " + group.size() + " batch(es) to the store at " + location
                        + " failed; the store refuses further writes: " + e, e);
                LOG.error("store writer of {} stopped", location, failure);
                for (PendingWrite write : group) {
                    write.future.completeExceptionally(failure);
                }
                return;
            }
        }
        for (PendingWrite write : group) {
            write.future.completeExceptionally(new StoreException("store at " + location
                    + " refuses writes after an earlier failure: " + stopped.getMessage(), stopped));
        }
    }

    private void closePersister() {
        try {
            persister.close();
        } catch (Exception e) {
            LOG.error("closing the store at {} failed", location, e);
        }
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    /** Stops accepting, writes everything submitted before, closes the persister, joins. Call once. */
    void close() {
        closing = true;
        while (true) {
            try {
                queue.put(CLOSE);
                break;
            } catch (InterruptedException e) {
                LOG.warn("interrupt while closing the store at {} ignored: pending writes finish first", location);
            }
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        PendingWrite left;
        while ((left = queue.poll()) != null) {
            if (left != CLOSE) {
                failClosed(left);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
