package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.petrel.broker.BrokerFixture.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A backlog larger than the queue memory limit stays in the store and is paged back in order. */
class PagingTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("backlog");
    private static final long QUEUE_LIMIT = 50_000;
    private static final String KIB = "x".repeat(1000);
    private BrokerFixture fixture;
    private final RecordingHandler client = new RecordingHandler();
    private BrokerConnection connection;

    @BeforeEach
    void start() throws Exception {
        fixture = new BrokerFixture(BrokerFixture.config(QUEUE_LIMIT, DestinationPolicy.DEFAULT), new InMemoryStore());
        connection = fixture.connectWithSession(client, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void sendBacklog(int count) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            MessageData m = Messages.message(QUEUE, i + ":" + KIB, 4, DeliveryMode.PERSISTENT, 0, 0, Map.of("n", i));
            sends.add(connection.send(1, m).toCompletableFuture());
        }
        sends.forEach(CompletableFuture::join);
    }

    @Test
    void queueKeepsNoMoreThanItsMemoryLimitOfABacklog() {
        sendBacklog(2000);

        assertTrue(fixture.broker.memoryUsed() <= QUEUE_LIMIT + 2_000, "in memory: " + fixture.broker.memoryUsed());
    }

    @Test
    void backlogLargerThanTheQueueMemoryLimitIsDeliveredInOrder() throws Exception {
        sendBacklog(3000);
        connection.createConsumer(1, 10, consumer(QUEUE, 20));

        for (int i = 0; i < 3000; i++) {
            Delivery d = client.next();
            assertEquals(i, d.message().property("n"));
            connection.acknowledge(1, List.of(d.deliveryId()));
            connection.grantCredit(10, 1);
        }
        assertTrue(!connection.pull(10));
    }

    @Test
    void concurrentProducersWhilePagingLoseAndDuplicateNothing() throws Exception {
        connection.createConsumer(1, 10, consumer(QUEUE, 10));
        int perProducer = 1500;
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int producer = p;
            BrokerConnection c = fixture.connectWithSession(new RecordingHandler(), Session.AUTO_ACKNOWLEDGE);
            producers.add(new Thread(() -> {
                for (int i = 0; i < perProducer; i++) {
                    c.send(1, Messages.message(QUEUE, KIB, 4, DeliveryMode.PERSISTENT, 0, 0,
                            Map.of("producer", producer, "n", i))).toCompletableFuture().join();
                }
            }));
        }
        producers.forEach(Thread::start);

        int[] next = new int[2];
        for (int i = 0; i < 2 * perProducer; i++) {
            Delivery d = client.next();
            int producer = (Integer) d.message().property("producer");
            assertEquals(next[producer]++, d.message().property("n"), "order of producer " + producer);
            connection.acknowledge(1, List.of(d.deliveryId()));
            connection.grantCredit(10, 1);
        }
        for (Thread t : producers) {
            t.join();
        }
        assertTrue(!connection.pull(10));
    }

    @Test
    void browserSeesThePagedOutPartOfTheBacklog() throws Exception {
        sendBacklog(500);
        connection.openBrowser(1, 7, QUEUE, null);

        List<Object> seen = new ArrayList<>();
        List<MessageData> page;
        while (!(page = connection.browseNext(7, 64)).isEmpty()) {
            page.forEach(m -> seen.add(m.property("n")));
        }
        assertEquals(500, seen.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i, seen.get(i));
        }
    }
}
