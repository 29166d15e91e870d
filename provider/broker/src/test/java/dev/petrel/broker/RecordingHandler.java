package dev.petrel.broker;

import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.Delivery;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client that records what the broker hands it. Thread-safe. */
final class RecordingHandler implements ClientHandler {
    private static final long DEADLINE_MS = 10_000;

    final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final List<Long> closedConsumers = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void deliver(Delivery delivery) {
        deliveries.add(delivery);
    }

    @Override
    public void consumerClosed(long consumerId, JMSException reason) {
        closedConsumers.add(consumerId);
    }

    @Override
    public void connectionFailed(JMSException cause) {
    }

    /** The next delivery, waiting up to a deadline; fails the test when none comes. */
    Delivery next() throws InterruptedException {
        Delivery d = deliveries.poll(DEADLINE_MS, TimeUnit.MILLISECONDS);
        if (d == null) {
            throw new AssertionError("no delivery within " + DEADLINE_MS + " ms");
        }
        return d;
    }

    /** The next {@code n} deliveries. */
    List<Delivery> next(int n) throws InterruptedException {
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** A delivery arriving within {@code millis}, or null (used to show that nothing comes). */
    Delivery poll(long millis) throws InterruptedException {
        return deliveries.poll(millis, TimeUnit.MILLISECONDS);
    }
}
