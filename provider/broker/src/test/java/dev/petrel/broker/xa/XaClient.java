package dev.petrel.broker.xa;

import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.protocol.XaFailureException;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test helpers for driving the broker's XA calls through the {@link BrokerConnection} SPI. */
final class XaClient implements ClientHandler {
    private static final AtomicInteger GTRIDS = new AtomicInteger();
    final LinkedBlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

    @Override
    public void deliver(Delivery delivery) {
        deliveries.add(delivery);
    }

    @Override
    public void consumerClosed(long consumerId, JMSException reason) {
    }

    @Override
    public void connectionFailed(JMSException cause) {
    }

    /** The next delivery within 10 s; fails otherwise. */
    Delivery next() throws InterruptedException {
        Delivery d = deliveries.poll(10, TimeUnit.SECONDS);
        if (d == null) {
            throw new AssertionError("no delivery within 10 s");
        }
        return d;
    }

    /** A delivery within {@code millis}, or null (to show that none comes). */
    Delivery poll(long millis) throws InterruptedException {
        return deliveries.poll(millis, TimeUnit.MILLISECONDS);
    }

    static PetrelXid newXid() {
        return new PetrelXid(4660, ("gtrid-" + GTRIDS.incrementAndGet() + "-" + System.nanoTime())
                .getBytes(StandardCharsets.UTF_8), new byte[]{1});
    }

    static MessageData persistent(DestinationRef to, String text) {
        return new MessageData("ID:" + text, System.currentTimeMillis(), null, null, null, to, DeliveryMode.PERSISTENT,
                4, 0, 0, null, Map.of(), BodyType.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static String body(Delivery d) {
        return new String(d.message().body(), StandardCharsets.UTF_8);
    }

    static ConsumerSpec consumer(DestinationRef destination) {
        return new ConsumerSpec(destination, null, false, null, false, false, 10);
    }

    /** Runs {@code call}, expects an XaFailureException with {@code code}. */
    static void assertXaError(int code, Executable call) {
        XaFailureException e = assertThrows(XaFailureException.class, call);
        assertEquals(code, e.xaErrorCode(), e.getMessage());
    }
}
