package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreException;
import dev.petrel.store.h2.journal.JournalWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The journal applier thread ({@code petrel-store-applier}): applies groups already durable in the
 * journal to H2 in large transactions, recording in each the journal position it reaches; after about
 * a segment's worth, or a second, it syncs H2 ({@code CHECKPOINT SYNC}) and lets the journal recycle
 * the segments before that position.
 *
 * <p>Threading: {@link #enqueue}, {@link #awaitRoom} and {@link #close} from the store writer thread;
 * {@link #awaitApplied} from any thread. If applying fails the thread stops applying; the journal
 * still holds everything, and the next open replays it.
 */
final class JournalApplierThread {
    private static final Logger LOG = LoggerFactory.getLogger(JournalApplierThread.class);
    private static final int MAX_TRANSACTION_OPERATIONS = 50_000;
    /** At most this long between H2 syncs while anything applied is unsynced; see {@link H2MessageStore}. */
    static final long SYNC_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Applied CLOSE = new Applied(List.of(), -1, 0, 0);

    private record Applied(List<StoreBatch> group, long endPosition, long bytes, int operations) {
    }

    private final String location;
    private final H2Writer writer;
    private final JournalWriter journal;
    private final long syncEveryBytes;
    private final long maxLagBytes;
    private final BlockingQueue<Applied> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object monitor = new Object();
    /** Guarded by monitor. */
    private long appliedPosition;
    private long pendingBytes;
    private StoreException failure;
    private long syncedPosition;
    private long syncedAt = System.nanoTime();
    private volatile long h2Syncs;

    JournalApplierThread(String location, H2Writer writer, JournalWriter journal, long syncEveryBytes, long maxLagBytes) {
        this.location = location;
        this.writer = writer;
        this.journal = journal;
        this.syncEveryBytes = syncEveryBytes;
        this.maxLagBytes = maxLagBytes;
        this.appliedPosition = journal.confirmedPosition();
        this.syncedPosition = appliedPosition;
        this.thread = new Thread(this::run, "petrel-store-applier");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long h2SyncCount() {
        return h2Syncs;
    }

    /** Waits while too many journal bytes are not yet applied; fails if the applier stopped. */
    void awaitRoom() throws StoreException, InterruptedException {
        synchronized (monitor) {
            while (pendingBytes >= maxLagBytes && failure == null) {
                monitor.wait();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Hands over a group the journal holds up to {@code endPosition}. */
    void enqueue(List<StoreBatch> group, long endPosition, long bytes, int operations) {
        synchronized (monitor) {
            pendingBytes += bytes;
        }
        queue.add(new Applied(group, endPosition, bytes, operations));
    }

    /** Waits until H2 holds every journal record before {@code position}. */
    void awaitApplied(long position, long timeoutMillis) throws StoreException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (monitor) {
            while (appliedPosition < position) {
                if (failure != null) {
                    throw new StoreException("the store at " + location + " cannot read: applying the journal to"
                            + " H2 failed: " + failure.getMessage(), failure);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException("H2 at " + location + " did not catch up with journal position " + position
                            + " within " + timeoutMillis + " ms (applied up to " + appliedPosition + ")");
                }
                try {
                    monitor.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while waiting for H2 at " + location
                            + " to catch up with journal position " + position, e);
                }
            }
        }
    }

    private void run() {
        try {
            applyUntilClosed();
        } catch (RuntimeException | Error e) {
            // Readers and the store writer wait on this thread: they must learn that it stopped.
            fail(e);
            throw e;
        }
    }

    private void applyUntilClosed() {
        List<Applied> transaction = new ArrayList<>();
        boolean closing = false;
        while (!closing) {
            Applied first = poll();
            if (first == null) {
                if (!syncIfDue(appliedPosition())) {
                    return;
                }
                continue;
            }
            if (first == CLOSE) {
                break;
            }
            transaction.add(first);
            int operations = first.operations;
            Applied next;
            while (operations < MAX_TRANSACTION_OPERATIONS && (next = queue.poll()) != null) {
                if (next == CLOSE) {
                    closing = true;
                    break;
                }
                transaction.add(next);
                operations += next.operations;
            }
            if (!apply(transaction)) {
                return;
            }
            transaction.clear();
        }
        if (failure() == null) {
            try {
                writer.sync();
                h2Syncs++;
            } catch (SQLException e) {
                fail(e);
            }
        }
    }

    private boolean apply(List<Applied> transaction) {
        long end = transaction.get(transaction.size() - 1).endPosition;
        long bytes = 0;
        try {
            for (Applied applied : transaction) {
                writer.applyAll(applied.group);
                bytes += applied.bytes;
            }
            writer.commit(end);
        } catch (SQLException | RuntimeException e) {
            writer.rollbackAfter(e);
            fail(e);
            return false;
        }
        synchronized (monitor) {
            appliedPosition = end;
            pendingBytes -= bytes;
            monitor.notifyAll();
        }
        return syncIfDue(end);
    }

    private long appliedPosition() {
        synchronized (monitor) {
            return appliedPosition;
        }
    }

    /**
     * Syncs H2 up to {@code applied} and recycles the journal before it, once a segment's worth of
     * journal or {@link #SYNC_INTERVAL_NANOS} has passed since the last sync. The time bound keeps
     * the last synced H2 state younger than H2's {@code RETENTION_TIME}, after which H2 may overwrite
     * space only older states use.
     */
    private boolean syncIfDue(long applied) {
        if (applied == syncedPosition) {
            return true;
        }
        if (applied - syncedPosition < syncEveryBytes && System.nanoTime() - syncedAt < SYNC_INTERVAL_NANOS) {
            return true;
        }
        try {
            writer.sync();
            h2Syncs++;
            syncedPosition = applied;
            syncedAt = System.nanoTime();
            journal.release(applied);
            return true;
        } catch (Exception e) {
            fail(e);
            return false;
        }
    }

    private void fail(Throwable e) {
        StoreException stopped = new StoreException("applying the journal to H2 at " + location
                + " failed; the journal keeps the data for the next open: " + e, e);
        LOG.error("journal applier of {} stopped", location, stopped);
        synchronized (monitor) {
            failure = stopped;
            monitor.notifyAll();
        }
    }

    /** The failure that stopped the applier, or null. */
    StoreException failure() {
        synchronized (monitor) {
            return failure;
        }
    }

    /** The next group, or null after {@link #SYNC_INTERVAL_NANOS} without one. */
    private Applied poll() {
        while (true) {
            try {
                return queue.poll(SYNC_INTERVAL_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                LOG.warn("journal applier of {} ignores an interrupt; close the store to stop it", location);
            }
        }
    }

    /** Applies everything handed over, syncs H2, and stops; returns whether all of it is in H2. */
    boolean close() {
        queue.add(CLOSE);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure() == null;
    }
}
