package dev.petrel.bench.verify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Counts every delivery of one stream of messages and checks it: each producer numbers its messages
 * 0, 1, 2, ... (a unique sequence per producer), and the ledger records which numbers arrived, at
 * which consumer. {@link #verify(long[])} fails on a message lost, a message delivered twice, a
 * message whose number was never sent, or a consumer seeing one producer's messages out of order.
 *
 * <p>One ledger per copy that must arrive once: a queue (its consumers share the copy) or one topic
 * subscription. Threading: thread-safe; every method synchronizes on the ledger. {@code consumer}
 * indexes are per consumer thread, but nothing depends on that.
 */
public final class SequenceLedger {
    private static final int EXAMPLES = 5;

    private final String name;
    private final BitSet[] seen;
    private final long[][] lastSeenByConsumer;
    private long distinct;
    private long duplicates;
    private long reordered;
    private long unknownProducer;
    private final List<String> examples = new ArrayList<>();

    /**
     * @param name      what this ledger counts, for the failure message
     * @param producers producers numbered 0..producers-1
     * @param consumers consumers numbered 0..consumers-1
     */
    public SequenceLedger(String name, int producers, int consumers) {
        if (producers < 1 || consumers < 1) {
            throw new IllegalArgumentException("a ledger needs at least one producer and one consumer, got "
                    + producers + " producers and " + consumers + " consumers");
        }
        this.name = name;
        this.seen = new BitSet[producers];
        this.lastSeenByConsumer = new long[consumers][producers];
        for (int p = 0; p < producers; p++) {
            seen[p] = new BitSet();
        }
        for (long[] row : lastSeenByConsumer) {
            java.util.Arrays.fill(row, -1);
        }
    }

    /** Records that {@code consumer} received message {@code seq} of {@code producer}. */
    public synchronized void record(int consumer, int producer, long seq) {
        if (producer < 0 || producer >= seen.length || seq < 0 || seq > Integer.MAX_VALUE
                || consumer < 0 || consumer >= lastSeenByConsumer.length) {
            unknownProducer++;
            example("consumer " + consumer + " got producer " + producer + " seq " + seq
                    + ", outside producers 0.." + (seen.length - 1) + " / consumers 0.."
                    + (lastSeenByConsumer.length - 1));
            return;
        }
        int s = (int) seq;
        if (seen[producer].get(s)) {
            duplicates++;
            example("duplicate: producer " + producer + " seq " + seq + " again at consumer " + consumer);
        } else {
            seen[producer].set(s);
            distinct++;
        }
        long last = lastSeenByConsumer[consumer][producer];
        if (seq <= last) {
            reordered++;
            example("reordered: consumer " + consumer + " got producer " + producer + " seq " + seq
                    + " after seq " + last);
        } else {
            lastSeenByConsumer[consumer][producer] = seq;
        }
    }

    /** Deliveries recorded so far, duplicates included. */
    public synchronized long deliveries() {
        return distinct + duplicates + unknownProducer;
    }

    /** True once every message of {@code sentPerProducer} has arrived at least once. */
    public synchronized boolean hasAll(long[] sentPerProducer) {
        long expected = 0;
        for (long sent : sentPerProducer) {
            expected += sent;
        }
        return distinct >= expected;
    }

    /**
     * Checks the ledger against what the producers confirmed sending.
     *
     * @param sentPerProducer messages each producer sent (and committed, if transacted): seq 0..sent-1
     * @throws DeliveryCheckException naming every kind of fault found, with the first examples
     */
    public synchronized void verify(long[] sentPerProducer) throws DeliveryCheckException {
        if (sentPerProducer.length != seen.length) {
            throw new IllegalArgumentException("ledger " + name + " has " + seen.length
                    + " producers, verify was given " + sentPerProducer.length);
        }
        long missing = 0;
        long neverSent = 0;
        List<String> faults = new ArrayList<>();
        for (int p = 0; p < seen.length; p++) {
            long sent = sentPerProducer[p];
            int receivedBelowSent = seen[p].get(0, (int) Math.min(sent, Integer.MAX_VALUE)).cardinality();
            long lostHere = sent - receivedBelowSent;
            if (lostHere > 0) {
                int firstLost = seen[p].nextClearBit(0);
                faults.add("producer " + p + " lost " + lostHere + " of " + sent + " (first lost seq " + firstLost + ")");
            }
            missing += lostHere;
            neverSent += seen[p].cardinality() - receivedBelowSent;
        }
        if (missing == 0 && neverSent == 0 && duplicates == 0 && reordered == 0 && unknownProducer == 0) {
            return;
        }
        StringBuilder message = new StringBuilder(name).append(": ")
                .append(missing).append(" lost, ")
                .append(duplicates).append(" duplicated, ")
                .append(reordered).append(" reordered, ")
                .append(neverSent + unknownProducer).append(" never sent");
        faults.forEach(f -> message.append("; ").append(f));
        examples.forEach(e -> message.append("; ").append(e));
        throw new DeliveryCheckException(message.toString());
    }

    private void example(String text) {
        if (examples.size() < EXAMPLES) {
            examples.add(text);
        }
    }
}
