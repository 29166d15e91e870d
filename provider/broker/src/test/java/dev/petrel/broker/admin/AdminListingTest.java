package dev.petrel.broker.admin;

import dev.petrel.management.BrokerOverview;
import dev.petrel.management.ConnectionSummary;
import dev.petrel.management.DestinationName;
import dev.petrel.management.ManagementConflictException;
import dev.petrel.management.QueueInfo;
import dev.petrel.management.RateSeries;
import dev.petrel.management.SubscriptionInfo;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.TestMessage;
import dev.petrel.management.UnknownConnectionException;
import dev.petrel.management.UnknownDestinationException;
import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.Delivery;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminListingTest {
    private static final DestinationRef ORDERS = DestinationRef.queue("orders");
    private static final TestMessage HELLO = new TestMessage("hello", "corr", "greeting", 7, true, null,
            Map.of("region", "EU"));

    @TempDir
    Path dataDirectory;
    private AdminTestBroker broker;

    @AfterEach
    void closeBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private AdminTestBroker start() {
        broker = new AdminTestBroker(dataDirectory);
        return broker;
    }

    @Test
    void overviewCountsMessagesAcceptedAndAcknowledgedAndSizesTheStore() throws Exception {
        start().send(ORDERS, 3);
        AdminTestBroker.Client consumer = broker.connect(null, Session.CLIENT_ACKNOWLEDGE);
        consumer.connection.createConsumer(1, 1, AdminTestBroker.consumer(ORDERS, 1));
        consumer.connection.acknowledge(1, List.of(consumer.next().deliveryId()));
        BrokerOverview overview = broker.admin.overview();
        assertEquals(broker.broker.name(), overview.brokerName());
        assertEquals(3, overview.messagesIn());
        assertEquals(1, overview.messagesOut());
        assertEquals(1, overview.connectionCount());
        assertTrue(overview.storeBytes() > 0, "store size " + overview.storeBytes());
        assertTrue(overview.storeLocation().startsWith(dataDirectory.toAbsolutePath().toString()), overview.storeLocation());
    }

    @Test
    void queueInfoCountsDepthInFlightConsumersAndTotals() throws Exception {
        start().send(ORDERS, 3);
        AdminTestBroker.Client consumer = broker.connect(null, Session.CLIENT_ACKNOWLEDGE);
        consumer.connection.createConsumer(1, 1, AdminTestBroker.consumer(ORDERS, 2));
        Delivery first = consumer.next();
        consumer.next();
        consumer.connection.acknowledge(1, List.of(first.deliveryId()));
        QueueInfo info = awaitDepth("orders", 2);
        assertEquals(new QueueInfo("orders", 2, 1, 1, 3, 1, false, 0, false), info);
    }

    /** Acknowledgements reach the queue's counters shortly after they are durable: poll with a deadline. */
    private QueueInfo awaitDepth(String queue, long depth) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        QueueInfo info = broker.admin.queue(queue).orElseThrow();
        while (info.depth() != depth && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
            info = broker.admin.queue(queue).orElseThrow();
        }
        return info;
    }

    @Test
    void deadLetterQueuesAreFlagged() throws Exception {
        start().send(DestinationRef.queue("DLQ"), 1);
        assertTrue(broker.admin.queue("DLQ").orElseThrow().deadLetter());
    }

    @Test
    void queuesAreListedByName() throws Exception {
        start().send(DestinationRef.queue("b"), 1);
        broker.send(DestinationRef.queue("a"), 1);
        assertEquals(List.of("a", "b"), broker.admin.queues().stream().map(QueueInfo::name).toList());
    }

    @Test
    void topicListsItsDurableSubscriptionsWithBacklogAndOldestAge() throws Exception {
        start().offlineDurable("prices", "app-1", "ticks");
        broker.send(DestinationRef.topic("prices"), 2);
        SubscriptionInfo sub = broker.admin.topic("prices").orElseThrow().subscriptions().get(0);
        assertEquals("app-1:ticks", sub.id());
        assertEquals("ticks", sub.subscriptionName());
        assertEquals("app-1", sub.clientId());
        assertTrue(sub.durable());
        assertEquals(2, sub.backlog());
        assertNotNull(sub.oldestMessageAge());
        assertEquals(2, broker.admin.topic("prices").orElseThrow().messagesIn());
    }

    @Test
    void sentTestMessageArrivesWithItsHeadersAndProperties() {
        start();
        String messageId = broker.admin.sendTestMessage(DestinationName.queue("orders"), HELLO);
        var page = broker.admin.browse(dev.petrel.management.BrowseRequest.firstPage(new dev.petrel.management.QueueRef("orders"), 5));
        var detail = broker.admin.message(new dev.petrel.management.QueueRef("orders"), page.messages().get(0).id());
        assertEquals(messageId, detail.summary().messageId());
        assertEquals("corr", detail.summary().correlationId());
        assertEquals(7, detail.summary().priority());
        assertEquals("EU", detail.properties().get("region"));
    }

    @Test
    void testMessageToAnUnknownQueueWithoutAutoCreationThrowsUnknownDestination() {
        broker = new AdminTestBroker(dataDirectory, 16L * 1024 * 1024, dev.petrel.broker.DestinationPolicy.DEFAULT, false);
        assertThrows(UnknownDestinationException.class,
                () -> broker.admin.sendTestMessage(DestinationName.queue("nope"), HELLO));
    }

    @Test
    void testMessageWithAnInvalidPropertyNameIsRejected() {
        start();
        TestMessage bad = new TestMessage("x", null, null, 4, true, null, Map.of("not valid", "v"));
        assertThrows(IllegalArgumentException.class, () -> broker.admin.sendTestMessage(DestinationName.queue("orders"), bad));
    }

    @Test
    void deletingADurableSubscriptionWithAConsumerIsAConflict() throws Exception {
        AdminTestBroker.Client client = start().connect("app-1", Session.AUTO_ACKNOWLEDGE);
        client.connection.createConsumer(1, 1, AdminTestBroker.durable(DestinationRef.topic("prices"), "ticks", 1));
        assertThrows(ManagementConflictException.class,
                () -> broker.admin.deleteDurableSubscription(new SubscriptionRef("prices", "app-1:ticks")));
    }

    @Test
    void deletingAnOfflineDurableSubscriptionRemovesIt() throws Exception {
        start().offlineDurable("prices", "app-1", "ticks");
        broker.admin.deleteDurableSubscription(new SubscriptionRef("prices", "app-1:ticks"));
        assertEquals(List.of(), broker.admin.topic("prices").orElseThrow().subscriptions());
    }

    @Test
    void deletingAnUnknownSubscriptionThrowsUnknownDestination() {
        start();
        assertThrows(UnknownDestinationException.class,
                () -> broker.admin.deleteDurableSubscription(new SubscriptionRef("prices", "app-1:none")));
    }

    @Test
    void connectionsListClientIdUserAndConsumers() throws Exception {
        AdminTestBroker.Client client = start().connect("app-1", Session.AUTO_ACKNOWLEDGE);
        client.connection.createConsumer(1, 5, AdminTestBroker.consumer(ORDERS, 1));
        ConnectionSummary c = broker.admin.connections().get(0);
        assertEquals("app-1", c.clientId());
        assertEquals("app", c.user());
        assertEquals("vm", c.remoteAddress());
        assertEquals(1, c.sessions());
        assertEquals("5", c.consumers().get(0).id());
        assertEquals(DestinationName.queue("orders"), c.consumers().get(0).destination());
    }

    @Test
    void closingAConnectionTellsTheClientAnAdministratorClosedIt() throws Exception {
        AdminTestBroker.Client client = start().connect("app-1", Session.AUTO_ACKNOWLEDGE);
        broker.admin.closeConnection(client.connection.info().connectionId());
        JMSException reason = client.failures.poll(10, TimeUnit.SECONDS);
        assertNotNull(reason, "the client was told");
        assertTrue(reason.getMessage().contains("administrator"), reason.getMessage());
        assertEquals(List.of(), broker.admin.connections());
    }

    @Test
    void closingAConnectionReturnsItsDeliveriesToTheQueue() throws Exception {
        start().send(ORDERS, 1);
        AdminTestBroker.Client client = broker.connect(null, Session.CLIENT_ACKNOWLEDGE);
        client.connection.createConsumer(1, 1, AdminTestBroker.consumer(ORDERS, 1));
        client.next();
        broker.admin.closeConnection(client.connection.info().connectionId());
        assertEquals(0, broker.admin.queue("orders").orElseThrow().inFlight());
        assertEquals(1, broker.admin.queue("orders").orElseThrow().depth());
    }

    @Test
    void closingAnUnknownConnectionThrowsUnknownConnection() {
        start();
        assertThrows(UnknownConnectionException.class, () -> broker.admin.closeConnection("ID:nope"));
    }

    @Test
    void ratesAreOneSecondSamplesIncludingRecentSends() throws Exception {
        start().send(ORDERS, 4);
        RateSeries series = broker.admin.rates(Duration.ofMinutes(5));
        assertEquals(Duration.ofSeconds(1), series.interval());
        assertFalse(series.samples().isEmpty());
        assertEquals(4.0, series.samples().stream().mapToDouble(s -> s.inPerSecond()).sum());
    }
}
