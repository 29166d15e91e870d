package dev.petrel.broker.server;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every BrokerConnection call and every ClientHandler callback over a real socket. */
class TcpRoundTripTest extends ServerTestSupport {

    private final RecordingClientHandler handler = new RecordingClientHandler();
    private BrokerConnection client;
    private RecordingConnection broker;

    @BeforeEach
    void connect() throws Exception {
        start();
        client = connect(Map.of("prefetch", "25", "heartbeat", "5000"), handler);
        broker = endpoint.connection(0);
    }

    private List<Object> args(String method) {
        return broker.last(method).args();
    }

    @Test
    void connectPassesCredentialsOptionsAndRemoteAddressAndReturnsTheBrokersInfo() {
        assertEquals("alice", endpoint.requests.get(0).username());
        assertEquals("secret", endpoint.requests.get(0).password());
        assertEquals("25", endpoint.requests.get(0).options().get("prefetch"));
        assertEquals("tcp", endpoint.requests.get(0).uri().getScheme());
        assertEquals("127.0.0.1", endpoint.requests.get(0).uri().getHost());
        assertEquals(broker.id, client.info().connectionId());
        assertEquals("test-broker", client.info().brokerName());
    }

    @Test
    void setClientIdReachesTheBroker() throws Exception {
        client.setClientId("app-1");
        assertEquals(List.of("app-1"), args("setClientId"));
    }

    @Test
    void createSessionReachesTheBroker() throws Exception {
        client.createSession(3, Session.SESSION_TRANSACTED);
        assertEquals(List.of(3L, Session.SESSION_TRANSACTED), args("createSession"));
    }

    @Test
    void closeSessionReachesTheBrokerWithSeenDeliveries() throws Exception {
        client.closeSession(3, List.of(10L, 11L));
        assertEquals(List.of(3L, List.of(10L, 11L)), args("closeSession"));
    }

    @Test
    void sendCompletesWhenTheBrokerAcceptsTheMessage() throws Exception {
        client.send(1, message("hello")).toCompletableFuture().get();
        MessageData received = (MessageData) args("send").get(1);
        assertEquals("hello", text(received));
        assertEquals("ID:hello", received.messageId());
        assertEquals(Map.of("k", "v"), received.properties());
    }

    @Test
    void createConsumerReachesTheBrokerWithItsSpec() throws Exception {
        ConsumerSpec spec = new ConsumerSpec(DestinationRef.topic("news"), "a > 1", true, "sub", true, true, 50);
        client.createConsumer(1, 2, spec);
        assertEquals(List.of(1L, 2L, spec), args("createConsumer"));
    }

    @Test
    void closeConsumerReachesTheBrokerWithUnseenDeliveries() throws Exception {
        client.closeConsumer(2, List.of(5L));
        assertEquals(List.of(2L, List.of(5L)), args("closeConsumer"));
    }

    @Test
    void grantCreditReachesTheBrokerWithoutAnAnswer() {
        client.grantCredit(2, 40);
        assertEquals(List.of(2L, 40), args("grantCredit"));
    }

    @Test
    void pullReturnsAfterItsDeliveryWasHandedToTheClient() throws Exception {
        broker.pullDelivers = new Delivery(2, 99, message("pulled"), 1, false);
        assertTrue(client.pull(2));
        assertEquals(1, handler.deliveries.size());
        assertEquals("pulled", text(handler.deliveries.get(0).message()));
    }

    @Test
    void pullWithNothingToDeliverReturnsFalse() throws Exception {
        assertFalse(client.pull(2));
    }

    @Test
    void acknowledgeReachesTheBroker() throws Exception {
        client.acknowledge(1, List.of(1L, 2L));
        assertEquals(List.of(1L, List.of(1L, 2L)), args("acknowledge"));
    }

    @Test
    void commitReachesTheBroker() throws Exception {
        client.commit(1, List.of(7L));
        assertEquals(List.of(1L, List.of(7L)), args("commit"));
    }

    @Test
    void rollbackReachesTheBroker() throws Exception {
        client.rollback(1, List.of(7L), List.of(8L));
        assertEquals(List.of(1L, List.of(7L), List.of(8L)), args("rollback"));
    }

    @Test
    void recoverReachesTheBroker() throws Exception {
        client.recover(1, List.of(7L), List.of());
        assertEquals(List.of(1L, List.of(7L), List.of()), args("recover"));
    }

    @Test
    void unsubscribeReachesTheBroker() throws Exception {
        client.unsubscribe("sub");
        assertEquals(List.of("sub"), args("unsubscribe"));
    }

    @Test
    void temporaryDestinationsAreCreatedAndDeletedOnTheBroker() throws Exception {
        DestinationRef temp = new DestinationRef(DestinationRef.Kind.TEMPORARY_TOPIC, "tmp-1");
        client.createTemporaryDestination(temp);
        client.deleteTemporaryDestination(temp);
        assertEquals(List.of(temp), args("createTemporaryDestination"));
        assertEquals(List.of(temp), args("deleteTemporaryDestination"));
    }

    @Test
    void checkDestinationReachesTheBroker() throws Exception {
        client.checkDestination(DestinationRef.queue("orders"));
        assertEquals(List.of(DestinationRef.queue("orders")), args("checkDestination"));
    }

    @Test
    void browserOpensBrowsesAndCloses() throws Exception {
        broker.browseResult = List.of(message("one"), message("two"));
        client.openBrowser(1, 4, DestinationRef.queue("orders"), "k = 'v'");
        List<MessageData> batch = client.browseNext(4, 10);
        client.closeBrowser(4);
        assertEquals(List.of(1L, 4L, DestinationRef.queue("orders"), "k = 'v'"), args("openBrowser"));
        assertEquals(List.of(4L, 10), args("browseNext"));
        assertEquals(List.of(4L), args("closeBrowser"));
        assertEquals(List.of("one", "two"), batch.stream().map(ServerTestSupport::text).toList());
    }

    @Test
    void closeClosesTheBrokerConnection() throws Exception {
        client.close();
        assertTrue(broker.isClosed());
        Await.until("server forgets the socket", () -> server.connectionCount() == 0);
        assertTrue(handler.failures.isEmpty(), "a close by the application is not a failure");
    }

    @Test
    void deliveryCallbackReachesTheClient() {
        broker.handler.deliver(new Delivery(2, 5, message("pushed"), 3, true));
        Await.until("delivery", () -> !handler.deliveries.isEmpty());
        Delivery delivery = handler.deliveries.get(0);
        assertEquals(5, delivery.deliveryId());
        assertEquals(3, delivery.deliveryCount());
        assertTrue(delivery.redelivered());
        assertEquals("pushed", text(delivery.message()));
    }

    @Test
    void consumerClosedCallbackReachesTheClientWithItsReason() {
        broker.handler.consumerClosed(2, new InvalidDestinationException("temporary queue deleted"));
        Await.until("consumerClosed", () -> !handler.consumersClosed.isEmpty());
        assertEquals(2, handler.consumersClosed.get(0).consumerId());
        assertInstanceOf(InvalidDestinationException.class, handler.consumersClosed.get(0).reason());
        assertEquals("temporary queue deleted", handler.consumersClosed.get(0).reason().getMessage());
    }

    @Test
    void connectionFailedCallbackReachesTheClientAndEndsTheConnection() {
        broker.handler.connectionFailed(new JMSException("kicked by admin"));
        JMSException failure = handler.awaitFailure();
        assertEquals("kicked by admin", failure.getMessage());
        Await.until("broker connection closed", broker::isClosed);
    }
}
