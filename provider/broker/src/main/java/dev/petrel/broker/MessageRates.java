package dev.petrel.broker;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages accepted from producers and acknowledged by consumers, broker-wide: totals since start
 * and a ring of per-second counts over the last {@link #SECONDS} seconds (no timer: each count
 * lands in the bucket of the second it happens in, and stale buckets read as zero).
 *
 * <p>Threading: every method is synchronized on this object and does O(1) work (reads copy at most
 * {@link #SECONDS} buckets); called from client threads and the store writer thread.
 */
public final class MessageRates {
    /** How far back the ring reaches: ten minutes. */
    public static final int SECONDS = 600;

    /** One second's counts, oldest first in {@link #lastSeconds}. */
    public record Second(long epochSecond, long in, long out) {
    }

    private final long[] bucketSecond = new long[SECONDS];
    private final long[] bucketIn = new long[SECONDS];
    private final long[] bucketOut = new long[SECONDS];
    private long totalIn;
    private long totalOut;

    MessageRates() {
        java.util.Arrays.fill(bucketSecond, -1);
    }

    /** Counts {@code in} messages accepted and {@code out} acknowledged now. */
    void record(long in, long out) {
        if (in == 0 && out == 0) {
            return;
        }
        long second = System.currentTimeMillis() / 1000;
        synchronized (this) {
            int i = (int) (second % SECONDS);
            if (bucketSecond[i] != second) {
                bucketSecond[i] = second;
                bucketIn[i] = 0;
                bucketOut[i] = 0;
            }
            bucketIn[i] += in;
            bucketOut[i] += out;
            totalIn += in;
            totalOut += out;
        }
    }

    public synchronized long totalIn() {
        return totalIn;
    }

    public synchronized long totalOut() {
        return totalOut;
    }

    /**
     * The last {@code seconds} seconds up to and including the current one, oldest first, but none
     * before {@code notBeforeEpochSecond} (the broker's start).
     */
    public synchronized List<Second> lastSeconds(int seconds, long notBeforeEpochSecond) {
        long now = System.currentTimeMillis() / 1000;
        long first = Math.max(now - Math.min(seconds, SECONDS) + 1, notBeforeEpochSecond);
        List<Second> out = new ArrayList<>();
        for (long s = first; s <= now; s++) {
            int i = (int) (s % SECONDS);
            boolean fresh = bucketSecond[i] == s;
            out.add(new Second(s, fresh ? bucketIn[i] : 0, fresh ? bucketOut[i] : 0));
        }
        return out;
    }
}
