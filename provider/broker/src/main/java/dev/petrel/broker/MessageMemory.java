package dev.petrel.broker;

import jakarta.jms.ResourceAllocationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The broker's heap budget for messages ({@code memoryLimit}). Messages that can be paged to the
 * store are only counted; messages that cannot (non-persistent, or no store) must {@link #reserve}
 * their bytes first. Past the limit such a send is held — a bounded block, first come first served —
 * until consumers free memory, and refused with {@code ResourceAllocationException} saying how long it
 * waited once {@code memoryWaitMillis} have passed (0: refused at once). Each episode of holding is
 * logged (WARN when it starts, INFO when it ends), so a producer never hangs silently.
 *
 * <p>Thread-safety: all methods from any thread. A held send is admitted on the thread that frees
 * the memory (a queue's executor): what it continues with must only post onward.
 */
final class MessageMemory {
    private static final Logger LOG = LoggerFactory.getLogger(MessageMemory.class);

    private final String broker;
    private final long limit;
    private final long waitMillis;
    private final ScheduledExecutorService timer;
    private final AtomicLong used = new AtomicLong();
    /** Guarded by this. */
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /** Guarded by this: sends taken off {@link #held} whose admission has not yet run. */
    private int admitting;
    /** Held or being admitted: a new send must queue behind them. */
    private volatile boolean anyHeld;
    /** Calls of {@link #admit} not yet served; only the call that raises it from 0 admits (one thread at a time). */
    private final AtomicInteger admitCalls = new AtomicInteger();
    /** Guarded by this: an episode of holding is under way (its WARN was logged). */
    private boolean episode;
    private long heldInEpisode;

    private static final class Held {
        final long bytes;
        final String what;
        final long since = System.nanoTime();
        final CompletableFuture<Void> admitted = new CompletableFuture<>();
        ScheduledFuture<?> timeout;

        Held(long bytes, String what) {
            this.bytes = bytes;
            this.what = what;
        }
    }

    MessageMemory(String broker, long limit, long waitMillis, ScheduledExecutorService timer) {
        this.broker = broker;
        this.limit = limit;
        this.waitMillis = waitMillis;
        this.timer = timer;
    }

    long used() {
        return used.get();
    }

    /** Counts bytes held or freed by pageable messages (never held back); freeing may admit held sends. */
    void add(long bytes) {
        used.addAndGet(bytes);
        if (bytes < 0 && anyHeld) {
            admit();
        }
    }

    /** Reserves at once if there is room and nothing is held before; false otherwise (nothing reserved). */
    synchronized boolean tryReserve(long bytes) {
        return held.isEmpty() && admitting == 0 && tryAdd(bytes);
    }

    /**
     * Reserves {@code bytes} for {@code what}: completes when they fit under the limit, or
     * exceptionally with {@code ResourceAllocationException} after the wait (at once when the wait is
     * 0 or the bytes exceed the whole limit).
     */
    CompletableFuture<Void> reserve(long bytes, String what) {
        Held h;
        synchronized (this) {
            if (held.isEmpty() && admitting == 0 && tryAdd(bytes)) {
                return CompletableFuture.completedFuture(null);
            }
            if (waitMillis == 0 || bytes > limit) {
                return CompletableFuture.failedFuture(refusal(what, bytes, 0));
            }
            h = new Held(bytes, what);
            held.addLast(h);
            anyHeld = true;
            heldInEpisode++;
            if (!episode) {
                episode = true;
                LOG.warn("broker '{}': memory limit of {} bytes reached ({} in use): holding {} until consumers free"
                        + " memory, each for at most {} ms (producer flow control)", broker, limit, used.get(), what,
                        waitMillis);
            }
        }
        try {
            h.timeout = timer.schedule(() -> expire(h), waitMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            expire(h);
        }
        // memory may have been freed before the send was queued
        admit();
        return h.admitted;
    }

    /** Fails every held send (the broker is closing). */
    void close() {
        List<Held> failed;
        synchronized (this) {
            failed = new ArrayList<>(held);
            held.clear();
            anyHeld = false;
        }
        for (Held h : failed) {
            h.admitted.completeExceptionally(new ResourceAllocationException("broker '" + broker
                    + "' closed while " + h.what + " waited for memory"));
        }
    }

    private boolean tryAdd(long bytes) {
        if (used.addAndGet(bytes) > limit) {
            used.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /**
     * Admits held sends that now fit, first come first served, on one thread at a time: a send's
     * admission publishes it, so two threads admitting at once could publish a producer's later
     * send before its earlier one (seen as reordered non-persistent topic messages over tcp). A call
     * while another thread admits leaves the work to that thread, which looks again before it stops.
     */
    private void admit() {
        if (admitCalls.getAndIncrement() != 0) {
            return;
        }
        int calls = 1;
        while (true) {
            List<Held> admitted = new ArrayList<>();
            synchronized (this) {
                while (!held.isEmpty() && tryAdd(held.peekFirst().bytes)) {
                    admitted.add(held.pollFirst());
                }
                admitting += admitted.size();
                endEpisodeIfClear();
            }
            for (Held h : admitted) {
                if (h.timeout != null) {
                    h.timeout.cancel(false);
                }
                h.admitted.complete(null);
                synchronized (this) {
                    admitting--;
                    endEpisodeIfClear();
                }
            }
            calls = admitCalls.addAndGet(-calls);
            if (calls == 0) {
                return;
            }
        }
    }

    private void expire(Held h) {
        synchronized (this) {
            if (!held.remove(h)) {
                return;
            }
            endEpisodeIfClear();
        }
        h.admitted.completeExceptionally(refusal(h.what, h.bytes,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - h.since)));
        admit();
    }

    /** Guarded by this. */
    private void endEpisodeIfClear() {
        anyHeld = !held.isEmpty() || admitting > 0;
        if (!anyHeld && episode) {
            episode = false;
            LOG.info("broker '{}': memory below its limit of {} bytes again; {} held send(s) in that episode",
                    broker, limit, heldInEpisode);
            heldInEpisode = 0;
        }
    }

    private ResourceAllocationException refusal(String what, long bytes, long waitedMillis) {
        String reason = bytes > limit ? "it needs " + bytes + " bytes, more than the whole limit"
                : waitedMillis > 0 ? "it waited " + waitedMillis + " ms for consumers to free memory (memoryWait)"
                : "memoryWait is 0";
        return new ResourceAllocationException("broker '" + broker + "' memory limit of " + limit + " bytes reached ("
                + used.get() + " in use): " + what + " was refused: " + reason);
    }
}
