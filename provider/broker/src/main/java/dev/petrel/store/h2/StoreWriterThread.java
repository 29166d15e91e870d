package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: gathers submitted batches (up to a number of operations and {@link #MAX_GROUP_BYTES})
 * into one group, has it made durable by a {@link GroupPersister} and then completes every waiter's
 * future. No fixed delay: under load groups grow by themselves while the previous group is being synced
 * (the one bounded pause, for followers, is below).
 *
 * <p>Who persists: whoever holds the write lock. A caller that will wait for its batch anyway, is not
 * interrupted (an interrupt would close the journal's file mid-write) and finds the lock free becomes
 * the leader and persists what is queued plus its own batch in its own thread, so an idle store costs
 * it no thread hand-off either way; otherwise (and always for asynchronous callers, whose batches
 * should share groups) the batch waits in the queue and the writer thread ({@code petrel-store-writer})
 * takes it as soon as the lock is free. The queue is drained only under the write lock, so batches are
 * persisted and completed in the order they were submitted.
 *
 * <p>Followers share a sync: completing a group releases its waiters, and each of them usually
 * submits its next batch within a round trip (a remote producer's next synchronous send, a remote
 * consumer's next acknowledgement). Without a pause, whichever follower reaches the writer thread first
 * starts a sync of its own and the rest wait for the one after, so a producer and a consumer settle
 * into alternating groups of one: two syncs per message. So the writer thread, finding fewer batches
 * queued than the last group completed plus those that arrived while it synced, waits for the rest,
 * but never past one sync time (its moving average, at most {@link #MAX_LINGER_NANOS}) after that
 * completion: a follower that has not come by then would have waited longer for the sync in progress.
 * Waits that stop paying (no batch arrives during them, as with producers sending at a fixed rate)
 * stop, apart from a probe now and then (see {@link #followerWaitsPaying}).
 * A waiting caller that leads never pauses: in-VM callers lead without a thread hand-off, and the same
 * pause there cost in-VM 4→4 about a quarter of its throughput in paired bench runs.
 *
 * <p>After a failed group the store fails every later batch with a {@link StoreException} naming
 * the first failure: it never confirms anything after a write it could not complete.
 *
 * <p>Threading: {@link #submit} from any thread (it blocks while the queue is full, except in a
 * completion callback, i.e. on the thread persisting, where the batch is queued for the writer thread);
 * {@link #close} from any thread but one persisting, once.
 */
final class StoreWriterThread {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriterThread.class);
    private static final long FULL_QUEUE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The writer thread never waits for followers longer than this after a completion. */
    static final long MAX_LINGER_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final int PAYING_ONE = 1024;
    private static final int PAYING_HALF = PAYING_ONE / 2;
    private static final int PROBE_EVERY = 16;
    /** Past this many batches in flight groups fill by themselves: nobody waits for more. */
    private static final int MAX_EXPECTED_FOLLOWERS = 64;

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
    private final int queueCapacity;
    /** Held while draining the queue and persisting. */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Guards {@link #queue} and {@link #closeRequested}. */
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition notEmpty = queueLock.newCondition();
    private final Condition notFull = queueLock.newCondition();
    private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
    private boolean closeRequested;
    /** Guarded by writeLock. */
    private boolean persisterClosed;
    /** The thread holding the write lock, or null. */
    private volatile Thread persisting;
    private final Thread thread;
    private final AtomicLong groups = new AtomicLong();
    private volatile boolean closing;
    private volatile StoreException failure;
    /** Moving average of a group's persist time (guarded by writeLock). */
    private long persistNanosAverage;
    /** How many batches the last completion is expected to bring back, and until when (see the class comment). */
    private volatile int expectedFollowers;
    private volatile long followersDeadline;
    /**
     * Moving average (in 1/{@link #PAYING_ONE}) of whether a follower wait paid, i.e. a batch arrived
     * during it; writer thread only. Below half the writer stops waiting and tries once in
     * {@link #PROBE_EVERY}: producers sending at a fixed rate do not come back within a sync, and
     * waiting for them only held back the batches already queued (a consumer's acknowledgement).
     */
    private int followerWaitsPaying = PAYING_ONE;
    private long unpayingWaitsSkipped;
    private volatile long followerWaits;

    StoreWriterThread(String location, GroupPersister persister, int maxGroupOperations, int queueCapacity) {
        this.location = location;
        this.persister = persister;
        this.maxGroupOperations = maxGroupOperations;
        this.queueCapacity = queueCapacity;
        this.thread = new Thread(this::run, "petrel-store-writer");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long groupCount() {
        return groups.get();
    }

    /** How many times the writer thread waited for followers. */
    long followerWaitCount() {
        return followerWaits;
    }

    /** The failure that stopped writes, or null. */
    StoreException failure() {
        return failure;
    }

    /**
     * Queues the batch, or persists it in this thread when the caller will wait for it anyway and the
     * store is idle; {@code bytes} is its {@link #weight}.
     */
    CompletableFuture<Void> submit(StoreBatch batch, long bytes, boolean callerWaits) {
        PendingWrite write = new PendingWrite(batch, new CompletableFuture<>(), bytes);
        if (closing) {
            return failClosed(write);
        }
        if (persisting == Thread.currentThread()) {
            enqueue(write, false);
            return write.future;
        }
        // an interrupted thread never persists: the interrupt would close the journal's FileChannel mid-write
        callerWaits &= !Thread.currentThread().isInterrupted();
        if (callerWaits && writeLock.tryLock()) {
            try {
                persisting = Thread.currentThread();
                if (persisterClosed) {
                    return failClosed(write);
                }
                List<PendingWrite> group = drain(write.batch.size(), write.bytes);
                group.add(write);
                persistAndComplete(group);
            } finally {
                persisting = null;
                writeLock.unlock();
            }
            wakeWriterIfQueued();
            return write.future;
        }
        enqueue(write, true);
        return write.future;
    }

    /** Queues a write for the writer thread, waiting for room unless {@code mayWait} is false. */
    private void enqueue(PendingWrite write, boolean mayWait) {
        queueLock.lock();
        try {
            while (mayWait && queue.size() >= queueCapacity && !closeRequested) {
                try {
                    notFull.awaitNanos(FULL_QUEUE_WAIT_NANOS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    write.future.completeExceptionally(new StoreException(
                            "interrupted while waiting for room in the store writer queue of " + location, e));
                    return;
                }
            }
            if (closeRequested) {
                failClosed(write);
                return;
            }
            queue.add(write);
            notEmpty.signal();
        } finally {
            queueLock.unlock();
        }
    }

    /** Takes queued writes, oldest first, while the group stays within its limits (write lock held). */
    private List<PendingWrite> drain(int operations, long bytes) {
        List<PendingWrite> group = new ArrayList<>();
        queueLock.lock();
        try {
            PendingWrite next;
            while (operations < maxGroupOperations && bytes < MAX_GROUP_BYTES && (next = queue.poll()) != null) {
                group.add(next);
                operations += next.batch.size();
                bytes += next.bytes;
            }
            if (!group.isEmpty()) {
                notFull.signalAll();
            }
        } finally {
            queueLock.unlock();
        }
        return group;
    }

    private void wakeWriterIfQueued() {
        queueLock.lock();
        try {
            if (!queue.isEmpty()) {
                notEmpty.signal();
            }
        } finally {
            queueLock.unlock();
        }
    }

    private CompletableFuture<Void> failClosed(PendingWrite write) {
        write.future.completeExceptionally(new StoreException("store at " + location + " is closed"));
        return write.future;
    }

    private void run() {
        while (awaitWork()) {
            awaitFollowers();
            underWriteLock(this::persistOneGroup);
        }
        underWriteLock(() -> {
            while (persistOneGroup()) {
                // everything submitted before the close is written
            }
            persisterClosed = true;
            closePersister();
        });
    }

    /** Runs {@code work} on this writer thread holding the write lock. */
    private void underWriteLock(Runnable work) {
        writeLock.lock();
        try {
            persisting = thread;
            work.run();
        } finally {
            persisting = null;
            writeLock.unlock();
        }
    }

    /** Persists one group of what is queued (write lock held); false when nothing was queued. */
    private boolean persistOneGroup() {
        List<PendingWrite> group = drain(0, 0);
        if (group.isEmpty()) {
            return false;
        }
        persistAndComplete(group);
        return true;
    }

    /** Waits until something is queued (true) or the store closes with nothing queued (false). */
    private boolean awaitWork() {
        queueLock.lock();
        try {
            while (queue.isEmpty() && !closeRequested) {
                notEmpty.awaitUninterruptibly();
            }
            return !queue.isEmpty();
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * Writer thread, something queued, write lock not held (a waiting caller may lead meanwhile): waits
     * until the followers of the last completion are queued or its deadline passes, unless recent waits
     * did not pay (see {@link #followerWaitsPaying}).
     */
    private void awaitFollowers() {
        queueLock.lock();
        try {
            if (!followersDue()) {
                return;
            }
            if (followerWaitsPaying < PAYING_HALF && ++unpayingWaitsSkipped % PROBE_EVERY != 0) {
                return;
            }
            int queuedBefore = queue.size();
            while (followersDue()) {
                notEmpty.awaitNanos(followersDeadline - System.nanoTime());
            }
            int paid = queue.size() > queuedBefore ? PAYING_ONE : 0;
            followerWaitsPaying += (paid - followerWaitsPaying) / 8;
            followerWaits++;
        } catch (InterruptedException e) {
            // the writer thread takes no interrupts (like awaitWork): one would make the next force() fail
        } finally {
            queueLock.unlock();
        }
    }

    /** Whether followers of the last completion are still missing and may still come (queue lock held). */
    private boolean followersDue() {
        return queue.size() < expectedFollowers && !closeRequested && System.nanoTime() - followersDeadline < 0;
    }

    private int queued() {
        queueLock.lock();
        try {
            return queue.size();
        } finally {
            queueLock.unlock();
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
                long started = System.nanoTime();
                persister.persist(batches);
                long took = System.nanoTime() - started;
                persistNanosAverage = persistNanosAverage == 0 ? took : persistNanosAverage + (took - persistNanosAverage) / 8;
                groups.incrementAndGet();
                int arrivedMeanwhile = queued();
                for (PendingWrite write : group) {
                    write.future.complete(null);
                }
                expectedFollowers = Math.min(arrivedMeanwhile + group.size(), MAX_EXPECTED_FOLLOWERS);
                followersDeadline = System.nanoTime() + Math.min(persistNanosAverage, MAX_LINGER_NANOS);
                return;
            } catch (Exception | Error e) {
                // An Error too: the waiters must learn that their writes are not confirmed.
                failure = new StoreException("writing " + group.size() + " batch(es) to the store at " + location
                        + " failed; the store refuses further writes: " + FailureText.describe(e), e);
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

    /** Whether the calling thread is persisting a group (i.e. runs in a write's completion callback). */
    boolean isPersistingThread() {
        return persisting == Thread.currentThread();
    }

    /** Stops accepting, writes everything submitted before, closes the persister, joins. Call once. */
    void close() {
        closing = true;
        queueLock.lock();
        try {
            closeRequested = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            queueLock.unlock();
        }
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
    }
}
