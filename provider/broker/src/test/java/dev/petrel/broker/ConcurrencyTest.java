package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.petrel.broker.BrokerFixture.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Several producers and consumers on one queue at once, with returns: each message is consumed exactly once. */
class ConcurrencyTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("busy");
    private static final int PRODUCERS = 3;
    private static final int PER_PRODUCER = 600;

    @Test
    void everyMessageIsAcknowledgedExactlyOnceUnderConcurrentProducersConsumersAndReturns() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(BrokerFixture.config(30_000, DestinationPolicy.DEFAULT), new InMemoryStore())) {
            Map<String, Integer> acked = new ConcurrentHashMap<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                RecordingHandler handler = new RecordingHandler();
                BrokerConnection connection = fixture.connectWithSession(handler, Session.CLIENT_ACKNOWLEDGE);
                connection.createConsumer(1, 10, consumer(QUEUE, 5));
                threads.add(new Thread(() -> consume(connection, handler, acked, failure)));
            }
            for (int p = 0; p < PRODUCERS; p++) {
                BrokerConnection connection = fixture.connectWithSession(new RecordingHandler(), Session.AUTO_ACKNOWLEDGE);
                int producer = p;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < PER_PRODUCER; i++) {
                        int mode = i % 2 == 0 ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT;
                        connection.send(1, Messages.message(QUEUE, producer + "-" + i + "-" + "x".repeat(500), 4, mode, 0, 0,
                                Map.of())).toCompletableFuture().join();
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(90_000);
            }
            assertNull(failure.get());
            assertEquals(PRODUCERS * PER_PRODUCER, acked.size());
            assertEquals(List.of(1), acked.values().stream().distinct().toList());
        }
    }

    private static void consume(BrokerConnection connection, RecordingHandler handler, Map<String, Integer> acked,
                                AtomicReference<Throwable> failure) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (acked.size() < PRODUCERS * PER_PRODUCER && System.nanoTime() < deadline) {
                Delivery d = handler.deliveries.poll(100, TimeUnit.MILLISECONDS);
                if (d == null) {
                    continue;
                }
                String body = new String(d.message().body());
                if (d.deliveryCount() == 1 && body.hashCode() % 5 == 0) {
                    connection.recover(1, List.of(d.deliveryId()), List.of());
                } else {
                    connection.acknowledge(1, List.of(d.deliveryId()));
                    acked.merge(body, 1, Integer::sum);
                }
                connection.grantCredit(10, 1);
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }
}
