package dev.petrel.transport.failover;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.transport.BrokerUrl;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One connection to one member broker, of one generation (1 for the first connection, then one
 * more per failover). Delivery ids the client sees are {@link #encode encoded} with the generation
 * so that ids of a lost connection are recognised and never sent to another one.
 *
 * <p>Thread-safety: the connection is set once before the member is published; {@link #markLost}
 * may be called from any thread.
 */
final class Member {

    private static final int ID_BITS = 40;
    private static final long ID_MASK = (1L << ID_BITS) - 1;

    final BrokerUrl url;
    final int generation;
    volatile BrokerConnection connection;
    private final CountDownLatch lost = new CountDownLatch(1);

    Member(BrokerUrl url, int generation) {
        this.url = url;
        this.generation = generation;
    }

    void markLost() {
        lost.countDown();
    }

    boolean lost() {
        return lost.getCount() == 0;
    }

    /** Waits up to {@code millis} for the loss to be reported; true when it was. */
    boolean awaitLost(long millis) {
        try {
            return lost.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lost();
        }
    }

    long encode(long brokerDeliveryId) {
        if (brokerDeliveryId < 0 || brokerDeliveryId > ID_MASK) {
            throw new IllegalArgumentException("delivery id " + brokerDeliveryId + " from " + url
                    + " is outside 0.." + ID_MASK + ", the range failover can track");
        }
        return ((long) generation << ID_BITS) | brokerDeliveryId;
    }

    static int generationOf(long clientDeliveryId) {
        return (int) (clientDeliveryId >>> ID_BITS);
    }

    static long brokerIdOf(long clientDeliveryId) {
        return clientDeliveryId & ID_MASK;
    }

    @Override
    public String toString() {
        return url + " (generation " + generation + ")";
    }
}
