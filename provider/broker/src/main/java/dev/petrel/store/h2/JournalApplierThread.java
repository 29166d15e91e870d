package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.h2.journal.JournalWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The journal applier thread ({@code petrel-store-applier}): applies groups already durable in the
 * journal to H2 in large transactions, recording in each the journal position it reaches; after about
 * a segment's worth, or a second, it syncs H2 ({@code CHECKPOINT SYNC}) and lets the journal recycle
 * the segments before that position.
 *
 * <p>A transaction gathers the groups of a window of up to {@link #APPLY_WINDOW_NANOS} (less when a
 * reader waits for H2, the window holds a quarter of the lag limit, the lag passes half of it, it
 * removes {@link #MAX_KEPT_REMOVALS} references it did not add, or the store closes), and
 * {@link OperationNetting} drops what the window both added and removed: while consumers keep up,
 * most messages never reach H2. Readers wait for it only when H2 lacks what they need
 * ({@link UnappliedGroups}).
 *
 * <p>Threading: {@link #enqueue}, {@link #awaitRoom} and {@link #close} from the store writer thread;
 * {@link #awaitApplied} from any thread. If applying fails the thread stops applying; the journal
 * still holds everything, and the next open replays it.
 */
final class JournalApplierThread {
    private static final Logger LOG = LoggerFactory.getLogger(JournalApplierThread.class);
    private static final int MAX_TRANSACTION_OPERATIONS = 50_000;
    /**
     * A window closes once it removes this many references it did not add. H2 keeps each removed row,
     * 1 KiB message and all, in the open transaction, and rewrites the pages holding them every time
     * it stores unsaved pages before the commit: a backlog's drain applied in windows of a second
     * spent half the applier's time re-serialising deleted messages and drained at half the rate.
     */
    static final int MAX_KEPT_REMOVALS = 2_048;
    /** At most this long between H2 syncs while anything applied is unsynced; see {@link H2MessageStore}. */
    static final long SYNC_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * How long a transaction gathers groups before it is applied, unless something is waiting for it.
     * A message acknowledged within the window it was sent in never reaches H2; one whose life crosses
     * the window's end costs an H2 insert and delete. A second rather than 100 ms: consumers that run
     * a few hundred milliseconds behind their producers (a tcp consumer does, as each acknowledgement
     * waits for an fdatasync) had nearly every message written to H2 and deleted again, and that work,
     * on the same cores, kept them behind. A backlog filling fast closes the window by size instead
     * (a quarter of the lag limit), so its transactions stay as large as they were.
     */
    static final long APPLY_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);
    private static final Applied CLOSE = new Applied(List.of(), -1, 0, 0);

    private record Applied(List<StoreBatch> group, long endPosition, long bytes, int operations) {
    }

    private final String location;
    private final H2Writer writer;
    private final JournalWriter journal;
    private final long syncEveryBytes;
    private final long maxLagBytes;
    /** The groups handed over and not yet committed in H2, summarised for readers. */
    private final UnappliedGroups unapplied = new UnappliedGroups();
    /** Groups handed over; the applier is unparked only when it must act, not for every group. */
    private final Queue<Applied> queue = new ConcurrentLinkedQueue<>();
    /** The applier waits for a first group (so {@link #enqueue} must wake it). */
    private volatile boolean idle;
    /** The highest journal position a reader waits for H2 to reach; the window closes once it is gathered. */
    private volatile long wanted = -1;
    private final Thread thread;
    private final Object monitor = new Object();
    /** Guarded by monitor. */
    private long appliedPosition;
    private long pendingBytes;
    private StoreException failure;
    private long syncedPosition;
    private long syncedAt = System.nanoTime();
    private volatile long h2Syncs;
    /** Test hook: while not null and closed, the applier waits before applying. */
    private volatile CountDownLatch hold;
    /** Operations written to H2, i.e. what netting kept (written by the applier thread only). */
    private volatile long h2Operations;

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

    long h2OperationCount() {
        return h2Operations;
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

    /** Hands over a group the journal holds up to {@code endPosition}; call before the group is confirmed. */
    void enqueue(List<StoreBatch> group, long endPosition, long bytes, int operations) {
        unapplied.add(group, endPosition);
        boolean pastHalf;
        synchronized (monitor) {
            pendingBytes += bytes;
            pastHalf = pendingBytes >= maxLagBytes / 2;
        }
        queue.add(new Applied(group, endPosition, bytes, operations));
        if (idle || pastHalf || wanted >= 0) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * What a read of {@code storeQueueId}'s references after message id {@code after} must do (see
     * {@link UnappliedGroups}); call before the read's query. Fails if the applier stopped.
     */
    UnappliedGroups.ReadCheck readCheck(long storeQueueId, long after) throws StoreException {
        StoreException stopped = failure();
        if (stopped != null) {
            throw cannotRead(stopped);
        }
        return unapplied.check(storeQueueId, after);
    }

    private StoreException cannotRead(StoreException stopped) {
        return new StoreException("the store at " + location + " cannot read: applying the journal to H2 failed: "
                + stopped.getMessage(), stopped);
    }

    /** Waits until H2 holds every journal record before {@code position}. */
    void awaitApplied(long position, long timeoutMillis) throws StoreException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (monitor) {
            if (appliedPosition < position) {
                wanted = Math.max(wanted, position);
                LockSupport.unpark(thread);
            }
            while (appliedPosition < position) {
                if (failure != null) {
                    throw cannotRead(failure);
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
            OperationNetting netting = OperationNetting.of(first.group);
            closing = gather(transaction, netting, first.operations, first.bytes, first.endPosition);
            if (!apply(transaction, netting)) {
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

    /**
     * Adds the groups that arrive within the window to the transaction, ending it early once a
     * waiting reader's position is in it, it holds a quarter of the lag limit, the lag passes half
     * of it, or it removes {@link #MAX_KEPT_REMOVALS} references it did not add; returns whether the
     * store is closing (everything before the close is in the transaction then).
     */
    private boolean gather(List<Applied> transaction, OperationNetting netting, int operations, long bytes, long end) {
        long deadline = System.nanoTime() + APPLY_WINDOW_NANOS;
        while (operations < MAX_TRANSACTION_OPERATIONS && bytes < maxLagBytes / 4 && !lagPastHalf()
                && netting.keptRemovals() < MAX_KEPT_REMOVALS) {
            long reader = wanted;
            if (reader >= 0 && end >= reader) {
                return false;
            }
            Applied next = queue.poll();
            if (next == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                parkFor(left);
                continue;
            }
            if (next == CLOSE) {
                return true;
            }
            transaction.add(next);
            netting.addAll(next.group);
            operations += next.operations;
            bytes += next.bytes;
            end = next.endPosition;
        }
        return false;
    }

    private void parkFor(long nanos) {
        LockSupport.parkNanos(this, nanos);
        if (Thread.interrupted()) {
            LOG.warn("journal applier of {} ignores an interrupt; close the store to stop it", location);
        }
    }

    private boolean lagPastHalf() {
        synchronized (monitor) {
            return pendingBytes >= maxLagBytes / 2;
        }
    }


    void holdApplyingUntil(CountDownLatch release) {
        hold = release;
    }

    private boolean apply(List<Applied> transaction, OperationNetting netted) {
        CountDownLatch held = hold;
        if (held != null) {
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        long end = transaction.get(transaction.size() - 1).endPosition;
        long bytes = 0;
        try {
            for (Applied applied : transaction) {
                bytes += applied.bytes;
            }
            List<StoreOperation> kept = netted.operations();
            writer.applyOperations(kept, netted.maxMessageId());
            writer.commit(end);
            unapplied.applied(end);
            h2Operations += kept.size();
        } catch (SQLException | RuntimeException e) {
            writer.rollbackAfter(e);
            fail(e);
            return false;
        }
        synchronized (monitor) {
            appliedPosition = end;
            if (wanted <= end) {
                wanted = -1;
            }
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
                + " failed; the journal keeps the data for the next open: " + FailureText.describe(e), e);
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
        long deadline = System.nanoTime() + SYNC_INTERVAL_NANOS;
        while (true) {
            Applied next = queue.poll();
            if (next != null) {
                return next;
            }
            idle = true;
            next = queue.poll();
            if (next != null) {
                idle = false;
                return next;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                idle = false;
                return null;
            }
            parkFor(left);
            idle = false;
        }
    }

    /** Applies everything handed over, syncs H2, and stops; returns whether all of it is in H2. */
    boolean close() {
        queue.add(CLOSE);
        LockSupport.unpark(thread);
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
