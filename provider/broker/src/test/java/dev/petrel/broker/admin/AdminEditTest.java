package dev.petrel.broker.admin;

import dev.petrel.broker.DestinationPolicy;
import dev.petrel.management.BrowseRequest;
import dev.petrel.management.DestinationName;
import dev.petrel.management.ManagementConflictException;
import dev.petrel.management.MessageDetail;
import dev.petrel.management.MessageSummary;
import dev.petrel.management.QueueRef;
import dev.petrel.management.RetryResult;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.TopicInfo;
import dev.petrel.management.UnknownDestinationException;
import dev.petrel.management.UnknownMessageException;
import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.Delivery;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AdminEditTest {
    private static final long SMALL_WINDOW = 8 * 1024;
    private static final DestinationRef ORDERS = DestinationRef.queue("orders");

    @TempDir
    Path dataDirectory;
    private AdminTestBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private AdminTestBroker start(long queueMemoryLimit, DestinationPolicy policy) {
        broker = new AdminTestBroker(dataDirectory, queueMemoryLimit, policy, true);
        return broker;
    }

    private long depth(String queue) {
        return broker.admin.queue(queue).orElseThrow().depth();
    }

    private List<String> ids(String queue, int max) {
        return broker.admin.browse(BrowseRequest.firstPage(new QueueRef(queue), max)).messages().stream()
                .map(MessageSummary::id).toList();
    }

    @Test
    void purgeRemovesAPagedBacklogFromMemoryAndStore() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 1200);
        assertEquals(1200, broker.admin.purge(new QueueRef("orders")));
        assertEquals(0, depth("orders"));
        assertEquals(List.of(), ids("orders", 10));
    }

    @Test
    void purgedMessagesStayGoneAfterARestart() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 300);
        broker.admin.purge(new QueueRef("orders"));
        broker.close();
        broker = new AdminTestBroker(dataDirectory);
        assertEquals(0, depth("orders"));
    }

    @Test
    void purgingOneSubscriptionLeavesTheOtherSubscriptionsBacklog() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT);
        broker.offlineDurable("prices", "app-1", "billing");
        broker.offlineDurable("prices", "app-2", "shipping");
        broker.send(DestinationRef.topic("prices"), 250);
        assertEquals(250, broker.admin.purge(new SubscriptionRef("prices", "app-1:billing")));
        TopicInfo topic = broker.admin.topic("prices").orElseThrow();
        assertEquals(List.of(0L, 250L), topic.subscriptions().stream().map(s -> s.backlog()).toList());
    }

    @Test
    void purgeAllSubscriptionsReportsTheTotal() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT);
        broker.offlineDurable("prices", "app-1", "billing");
        broker.offlineDurable("prices", "app-2", "shipping");
        broker.send(DestinationRef.topic("prices"), 3);
        assertEquals(6, broker.admin.purgeAllSubscriptions("prices"));
    }

    @Test
    void purgeIncludesMessagesInFlightAndIgnoresTheirAcknowledgement() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 2);
        AdminTestBroker.Client consumer = broker.connect(null, Session.CLIENT_ACKNOWLEDGE);
        consumer.connection.createConsumer(1, 1, AdminTestBroker.consumer(ORDERS, 1));
        Delivery delivered = consumer.next();
        assertEquals(2, broker.admin.purge(new QueueRef("orders")));
        consumer.connection.acknowledge(1, List.of(delivered.deliveryId()));
        assertEquals(0, depth("orders"));
    }

    @Test
    void deletingOneMessageRemovesOnlyIt() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 3);
        List<String> before = ids("orders", 10);
        broker.admin.deleteMessage(new QueueRef("orders"), before.get(1));
        assertEquals(List.of(before.get(0), before.get(2)), ids("orders", 10));
        assertEquals(2, depth("orders"));
    }

    @Test
    void deletingAMessageOnlyInTheStoreRemovesIt() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 300);
        String last = broker.admin.browse(new BrowseRequest(new QueueRef("orders"), null, 1, null,
                dev.petrel.management.BrowseOrder.NEWEST_FIRST)).messages().get(0).id();
        broker.admin.deleteMessage(new QueueRef("orders"), last);
        assertThrows(UnknownMessageException.class, () -> broker.admin.message(new QueueRef("orders"), last));
        assertEquals(299, depth("orders"));
    }

    @Test
    void deletingAnUnknownMessageThrowsUnknownMessage() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 1);
        assertThrows(UnknownMessageException.class, () -> broker.admin.deleteMessage(new QueueRef("orders"), "424242"));
    }

    @Test
    void movingMessagesByIdPutsThemOnTheTargetQueue() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 3);
        broker.admin.sendTestMessage(DestinationName.queue("archive"), new dev.petrel.management.TestMessage("x", null, null, 4, true, null, Map.of()));
        List<String> ids = ids("orders", 10);
        assertEquals(2, broker.admin.moveMessages(new QueueRef("orders"), List.of(ids.get(0), ids.get(2), "77777"),
                DestinationName.queue("archive")));
        assertEquals(1, depth("orders"));
        assertEquals(3, depth("archive"));
    }

    @Test
    void movingMatchingMessagesMovesOnlyThoseTheSelectorMatchesIncludingStoredOnes() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT);
        broker.admin.sendTestMessage(DestinationName.queue("archive"), new dev.petrel.management.TestMessage("x", null, null, 4, true, null, Map.of()));
        broker.admin.purge(new QueueRef("archive"));
        broker.send(ORDERS, 600, i -> Map.of("n", i, "region", i % 3 == 0 ? "EU" : "US"));
        assertEquals(200, broker.admin.moveMatching(new QueueRef("orders"), "region = 'EU'", DestinationName.queue("archive")));
        assertEquals(400, depth("orders"));
        assertEquals(200, depth("archive"));
        MessageDetail first = broker.admin.message(new QueueRef("archive"), ids("archive", 1).get(0));
        assertEquals("EU", first.properties().get("region"));
        assertEquals(DestinationName.queue("archive"), first.destination());
    }

    @Test
    void movingToTheSameQueueIsAConflict() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 1);
        assertThrows(ManagementConflictException.class,
                () -> broker.admin.moveMatching(new QueueRef("orders"), null, DestinationName.queue("orders")));
    }

    @Test
    void movingToAnUnknownQueueThrowsUnknownDestination() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(ORDERS, 1);
        assertThrows(UnknownDestinationException.class,
                () -> broker.admin.moveMatching(new QueueRef("orders"), null, DestinationName.queue("nowhere")));
    }

    @Test
    void retrySendsADeadLetterBackToItsOriginalQueueWithoutTheDeadLetterProperties() throws Exception {
        start(SMALL_WINDOW, new DestinationPolicy(1, "DLQ", "ExpiryQueue")).send(ORDERS, 1);
        AdminTestBroker.Client consumer = broker.connect(null, Session.SESSION_TRANSACTED);
        consumer.connection.createConsumer(1, 1, AdminTestBroker.consumer(ORDERS, 1));
        Delivery d = consumer.next();
        consumer.connection.rollback(1, List.of(d.deliveryId()), List.of());
        consumer.connection.close();
        waitForDepth("DLQ", 1);
        RetryResult result = broker.admin.retryDeadLetters("DLQ", null);
        assertEquals(new RetryResult(1, List.of()), result);
        assertEquals(0, depth("DLQ"));
        MessageDetail back = broker.admin.message(new QueueRef("orders"), ids("orders", 1).get(0));
        assertFalse(back.properties().containsKey(MessageDetail.ORIGINAL_DESTINATION_PROPERTY));
        assertEquals(DestinationName.queue("orders"), back.destination());
        assertEquals(0, back.summary().deliveryCount());
    }

    @Test
    void retrySkipsDeadLettersWithoutAnOriginalDestination() throws Exception {
        start(SMALL_WINDOW, DestinationPolicy.DEFAULT).send(DestinationRef.queue("DLQ"), 1, i -> Map.of());
        RetryResult result = broker.admin.retryDeadLetters("DLQ", null);
        assertEquals(0, result.retried());
        assertEquals(ids("DLQ", 1), result.skippedIds());
    }

    private void waitForDepth(String queue, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (broker.admin.queue(queue).map(q -> q.depth()).orElse(0L) != expected) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(queue + " did not reach depth " + expected + " within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
