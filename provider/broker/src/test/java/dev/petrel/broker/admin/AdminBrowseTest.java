package dev.petrel.broker.admin;

import dev.petrel.broker.DestinationPolicy;
import dev.petrel.management.BadSelectorException;
import dev.petrel.management.BodyKind;
import dev.petrel.management.BrowseOrder;
import dev.petrel.management.BrowsePage;
import dev.petrel.management.BrowseRequest;
import dev.petrel.management.MessageBody;
import dev.petrel.management.MessageDetail;
import dev.petrel.management.MessageSummary;
import dev.petrel.management.QueueRef;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.UnknownDestinationException;
import dev.petrel.management.UnknownMessageException;
import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.message.ObjectBodyCodec;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminBrowseTest {
    /** Small enough that a few hundred messages page to the store. */
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

    private AdminTestBroker pagingBroker() {
        broker = new AdminTestBroker(dataDirectory, SMALL_WINDOW, DestinationPolicy.DEFAULT, true);
        return broker;
    }

    private List<Long> browseAll(BrowseOrder order, String selector, int pageSize) {
        List<Long> ids = new ArrayList<>();
        String position = null;
        do {
            BrowsePage page = broker.admin.browse(new BrowseRequest(new QueueRef("orders"), position, pageSize, selector, order));
            page.messages().forEach(m -> ids.add(Long.parseLong(m.id())));
            position = page.nextPosition();
        } while (position != null);
        return ids;
    }

    private static List<Integer> numbers(AdminTestBroker broker, List<Long> ids) {
        List<Integer> out = new ArrayList<>();
        for (long id : ids) {
            out.add((Integer) broker.admin.message(new QueueRef("orders"), Long.toString(id)).properties().get("n"));
        }
        return out;
    }

    @Test
    void browsingPagesThroughABacklogBeyondTheInMemoryWindowInOrder() throws Exception {
        pagingBroker().send(ORDERS, 300);
        List<Long> ids = browseAll(BrowseOrder.OLDEST_FIRST, null, 40);
        assertTrue(broker.admin.queue("orders").orElseThrow().paging(), "the backlog pages to the store");
        assertEquals(300, ids.size());
        assertEquals(ids.stream().sorted().toList(), ids);
        assertEquals(0, numbers(broker, ids.subList(0, 1)).get(0));
        assertEquals(299, numbers(broker, ids.subList(299, 300)).get(0));
    }

    @Test
    void newestFirstStartsWithTheLastMessageSent() throws Exception {
        pagingBroker().send(ORDERS, 300);
        List<Long> ids = browseAll(BrowseOrder.NEWEST_FIRST, null, 70);
        assertEquals(300, ids.size());
        assertEquals(299, numbers(broker, ids.subList(0, 1)).get(0));
        assertEquals(ids.stream().sorted((a, b) -> Long.compare(b, a)).toList(), ids);
    }

    @Test
    void selectorFindsMatchingMessagesDeepInTheStoredBacklog() throws Exception {
        pagingBroker().send(ORDERS, 400, i -> Map.of("n", i, "region", i % 100 == 99 ? "EU" : "US"));
        List<Long> ids = browseAll(BrowseOrder.OLDEST_FIRST, "region = 'EU'", 3);
        assertEquals(List.of(99, 199, 299, 399), numbers(broker, ids));
    }

    @Test
    void selectorScanStopsAtItsLimitWithAPositionToGoOnFrom() throws Exception {
        int count = BacklogScanner.SCAN_LIMIT + 10;
        pagingBroker().send(ORDERS, count, i -> Map.of("n", i, "region", i == count - 1 ? "EU" : "US"));
        BrowsePage first = broker.admin.browse(new BrowseRequest(new QueueRef("orders"), null, 10, "region = 'EU'",
                BrowseOrder.OLDEST_FIRST));
        assertEquals(List.of(), first.messages());
        BrowsePage second = broker.admin.browse(new BrowseRequest(new QueueRef("orders"), first.nextPosition(), 10,
                "region = 'EU'", BrowseOrder.OLDEST_FIRST));
        assertEquals(List.of(count - 1), numbers(broker, second.messages().stream().map(m -> Long.parseLong(m.id())).toList()));
        assertNull(second.nextPosition());
    }

    @Test
    void browseReportsTheBacklogDepthAndEndsWithoutANextPosition() throws Exception {
        pagingBroker().send(ORDERS, 5);
        BrowsePage page = broker.admin.browse(BrowseRequest.firstPage(new QueueRef("orders"), 10));
        assertEquals(5, page.backlogDepth());
        assertEquals(5, page.messages().size());
        assertNull(page.nextPosition());
    }

    @Test
    void browseFlagsMessagesDeliveredAndNotYetAcknowledged() throws Exception {
        pagingBroker().send(ORDERS, 3);
        AdminTestBroker.Client consumer = broker.connect(null, Session.CLIENT_ACKNOWLEDGE);
        consumer.connection.createConsumer(1, 1, AdminTestBroker.consumer(ORDERS, 1));
        consumer.next();
        List<MessageSummary> messages = broker.admin.browse(BrowseRequest.firstPage(new QueueRef("orders"), 10)).messages();
        assertEquals(List.of(true, false, false), messages.stream().map(MessageSummary::inFlight).toList());
    }

    @Test
    void browsingASubscriptionShowsOnlyItsMessages() throws Exception {
        broker = new AdminTestBroker(dataDirectory);
        broker.offlineDurable("prices", "app-1", "ticks");
        broker.send(DestinationRef.topic("prices"), 2);
        BrowsePage page = broker.admin.browse(BrowseRequest.firstPage(new SubscriptionRef("prices", "app-1:ticks"), 10));
        assertEquals(2, page.messages().size());
    }

    @Test
    void browsingAnUnknownQueueThrowsUnknownDestination() {
        broker = new AdminTestBroker(dataDirectory);
        assertThrows(UnknownDestinationException.class,
                () -> broker.admin.browse(BrowseRequest.firstPage(new QueueRef("nope"), 10)));
    }

    @Test
    void browsingAnUnknownSubscriptionThrowsUnknownDestination() {
        broker = new AdminTestBroker(dataDirectory);
        assertThrows(UnknownDestinationException.class,
                () -> broker.admin.browse(BrowseRequest.firstPage(new SubscriptionRef("prices", "x:y"), 10)));
    }

    @Test
    void badSelectorThrowsBadSelectorWithTheText() throws Exception {
        pagingBroker().send(ORDERS, 1);
        BadSelectorException e = assertThrows(BadSelectorException.class, () -> broker.admin.browse(
                new BrowseRequest(new QueueRef("orders"), null, 10, "region ===", BrowseOrder.OLDEST_FIRST)));
        assertEquals("region ===", e.selector());
    }

    @Test
    void positionThatIsNotAMessageIdIsRejected() throws Exception {
        pagingBroker().send(ORDERS, 1);
        assertThrows(IllegalArgumentException.class, () -> broker.admin.browse(
                new BrowseRequest(new QueueRef("orders"), "abc", 10, null, BrowseOrder.OLDEST_FIRST)));
    }

    @Test
    void messageDetailShowsTextBodyPropertiesAndHeaders() throws Exception {
        pagingBroker().send(ORDERS, 1, i -> Map.of("region", "EU"));
        String id = broker.admin.browse(BrowseRequest.firstPage(new QueueRef("orders"), 1)).messages().get(0).id();
        MessageDetail detail = broker.admin.message(new QueueRef("orders"), id);
        assertEquals(new MessageBody.TextBody("m0", 2), detail.body());
        assertEquals("EU", detail.properties().get("region"));
        assertEquals("ID:m0", detail.summary().messageId());
        assertEquals(BodyKind.TEXT, detail.summary().bodyKind());
    }

    @Test
    void objectBodyShowsItsClassNameWithoutDeserializing() throws Exception {
        broker = new AdminTestBroker(dataDirectory);
        byte[] serialized = ObjectBodyCodec.encode(new java.util.ArrayList<>(List.of("a")));
        AdminTestBroker.Client client = broker.connect(null, Session.AUTO_ACKNOWLEDGE);
        client.connection.send(1, new MessageData("ID:o", 1, null, null, null, ORDERS, DeliveryMode.PERSISTENT, 4, 0, 0,
                null, Map.of(), BodyType.OBJECT, serialized)).toCompletableFuture().join();
        String id = broker.admin.browse(BrowseRequest.firstPage(new QueueRef("orders"), 1)).messages().get(0).id();
        MessageBody.ObjectBody body = assertInstanceOf(MessageBody.ObjectBody.class,
                broker.admin.message(new QueueRef("orders"), id).body());
        assertEquals("java.util.ArrayList", body.className());
        assertEquals(serialized.length, body.size());
    }

    @Test
    void detailOfAMessageDeepInTheStoreIsReadFromTheStore() throws Exception {
        pagingBroker().send(ORDERS, 300);
        List<Long> ids = browseAll(BrowseOrder.NEWEST_FIRST, null, 1);
        MessageDetail detail = broker.admin.message(new QueueRef("orders"), Long.toString(ids.get(0)));
        assertEquals(299, detail.properties().get("n"));
        assertFalse(detail.summary().inFlight());
    }

    @Test
    void detailOfAnUnknownIdThrowsUnknownMessage() throws Exception {
        pagingBroker().send(ORDERS, 1);
        assertThrows(UnknownMessageException.class, () -> broker.admin.message(new QueueRef("orders"), "999999"));
        assertThrows(UnknownMessageException.class, () -> broker.admin.message(new QueueRef("orders"), "x"));
    }
}
