package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static dev.petrel.broker.BrokerFixture.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A backlog past the queue memory limit, paged from the real H2 store, across a restart. */
class H2PagingTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("h2-backlog");
    private static final String KIB = "x".repeat(1000);

    @TempDir
    Path dataDirectory;

    private BrokerFixture start() throws Exception {
        return new BrokerFixture(BrokerFixture.config(40_000, DestinationPolicy.DEFAULT),
                new H2MessageStore(H2StoreConfig.builder(dataDirectory).segmentSize(1024 * 1024)
                        .maxApplyLagBytes(1024 * 1024).build()));
    }

    @Test
    void pagedBacklogIsDeliveredInOrderAfterARestart() throws Exception {
        int count = 2000;
        try (BrokerFixture fixture = start()) {
            BrokerConnection c = fixture.connectWithSession(new RecordingHandler(), Session.AUTO_ACKNOWLEDGE);
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sends.add(c.send(1, Messages.message(QUEUE, KIB, 4, DeliveryMode.PERSISTENT, 0, 0, Map.of("n", i)))
                        .toCompletableFuture());
            }
            sends.forEach(CompletableFuture::join);
        }
        try (BrokerFixture fixture = start()) {
            RecordingHandler client = new RecordingHandler();
            BrokerConnection c = fixture.connectWithSession(client, Session.AUTO_ACKNOWLEDGE);
            c.createConsumer(1, 10, consumer(QUEUE, 50));
            for (int i = 0; i < count; i++) {
                Delivery d = client.next();
                assertEquals(i, d.message().property("n"));
                c.acknowledge(1, List.of(d.deliveryId()));
                c.grantCredit(10, 1);
            }
            assertFalse(c.pull(10));
        }
    }
}
