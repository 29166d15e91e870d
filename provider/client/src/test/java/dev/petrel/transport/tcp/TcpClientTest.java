package dev.petrel.transport.tcp;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.Delivery;
import dev.petrel.protocol.wire.ErrorPayload;
import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameType;
import dev.petrel.protocol.wire.Handshake;
import dev.petrel.protocol.wire.Responses;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client transport against a scripted broker: loss, silence, refusals and bad answers. */
class TcpClientTest {

    private final ScriptedBroker broker = new ScriptedBroker();
    private final List<JMSException> failures = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    TcpClientTest() throws Exception {
    }

    private final ClientHandler handler = new ClientHandler() {
        @Override
        public void deliver(Delivery delivery) {
        }

        @Override
        public void consumerClosed(long consumerId, JMSException reason) {
        }

        @Override
        public void connectionFailed(JMSException cause) {
            failures.add(cause);
        }
    };

    @AfterEach
    void closeAll() throws Exception {
        broker.close(); // first: a scripted broker never confirms DISCONNECT, so clients close at once
        for (AutoCloseable resource : toClose) {
            resource.close();
        }
    }

    private CompletableFuture<BrokerConnection> connectAsync(Map<String, String> options) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                BrokerConnection connection = new TcpTransportFactory().connect(
                        new ConnectRequest(URI.create(broker.url()), options, "bob", "pw"), handler);
                toClose.add(connection);
                return connection;
            } catch (JMSException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void connectSendsCredentialsHeartbeatAndOptions() throws Exception {
        CompletableFuture<BrokerConnection> client = connectAsync(Map.of("heartbeat", "2500", "prefetch", "9"));
        Handshake.Connect connect = Handshake.Connect.decode(broker.accept());
        assertEquals("bob", connect.username());
        assertEquals("pw", connect.password());
        assertEquals(2500, connect.heartbeatMillis());
        assertEquals("9", connect.options().get("prefetch"));
        client.cancel(true);
    }

    @Test
    void silentBrokerIsDetectedAfterThreeHeartbeatIntervals() throws Exception {
        CompletableFuture<BrokerConnection> client = connectAsync(Map.of("heartbeat", "100"));
        broker.acceptAndConnect(100);
        client.get(10, TimeUnit.SECONDS);
        awaitTrue("connectionFailed", () -> !failures.isEmpty());
        assertTrue(failures.get(0).getMessage().contains("no traffic from the broker for 300 ms"),
                failures.get(0).getMessage());
    }

    @Test
    void idleClientSendsPings() throws Exception {
        CompletableFuture<BrokerConnection> client = connectAsync(Map.of("heartbeat", "50"));
        broker.acceptAndConnect(50);
        client.get(10, TimeUnit.SECONDS);
        assertEquals(FrameType.PING, broker.read().type());
    }

    @Test
    void lostConnectionFailsThePendingRequestAndReportsConnectionFailedOnce() throws Exception {
        CompletableFuture<BrokerConnection> connecting = connectAsync(Map.of("heartbeat", "0"));
        broker.acceptAndConnect(0);
        BrokerConnection client = connecting.get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try {
                client.commit(1, List.of());
            } catch (JMSException e) {
                throw new CompletionException(e);
            }
        });
        assertEquals(FrameType.COMMIT, broker.readRequest().type());
        broker.vanish();
        ExecutionException e = assertThrows(ExecutionException.class, () -> commit.get(10, TimeUnit.SECONDS));
        assertInstanceOf(JMSException.class, e.getCause().getCause());
        assertTrue(e.getCause().getCause().getMessage().contains("lost"), e.getCause().getCause().getMessage());
        awaitTrue("connectionFailed", () -> !failures.isEmpty());
        assertEquals(1, failures.size());
    }

    @Test
    void sendAfterLossFailsAtOnceWithTheLossCause() throws Exception {
        CompletableFuture<BrokerConnection> connecting = connectAsync(Map.of("heartbeat", "0"));
        broker.acceptAndConnect(0);
        BrokerConnection client = connecting.get(10, TimeUnit.SECONDS);
        broker.vanish();
        awaitTrue("connectionFailed", () -> !failures.isEmpty());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.send(1, dev.petrel.protocol.wire.WireTestMessages.message()).toCompletableFuture().get());
        assertTrue(e.getCause().getMessage().contains("lost"), e.getCause().getMessage());
    }

    @Test
    void refusedConnectThrowsTheBrokersExceptionType() throws Exception {
        CompletableFuture<BrokerConnection> client = connectAsync(Map.of());
        Frame connect = broker.accept();
        broker.write(ErrorPayload.of(new JMSSecurityException("bad password")).toFrame(connect.correlationId()));
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.get(10, TimeUnit.SECONDS));
        assertInstanceOf(JMSSecurityException.class, e.getCause().getCause());
        assertEquals("bad password", e.getCause().getCause().getMessage());
    }

    @Test
    void responseToAnUnknownCorrelationIdClosesTheConnectionAsAProtocolError() throws Exception {
        CompletableFuture<BrokerConnection> connecting = connectAsync(Map.of("heartbeat", "0"));
        broker.acceptAndConnect(0);
        connecting.get(10, TimeUnit.SECONDS);
        broker.write(Responses.ok(12345));
        awaitTrue("connectionFailed", () -> !failures.isEmpty());
        assertTrue(failures.get(0).getMessage().contains("correlation id 12345"), failures.get(0).getMessage());
    }

    @Test
    void blockingCallFromAClientHandlerCallbackIsRefusedInsteadOfDeadlocking() throws Exception {
        List<Throwable> fromCallback = new CopyOnWriteArrayList<>();
        BrokerConnection[] self = new BrokerConnection[1];
        ClientHandler reentrant = new ClientHandler() {
            @Override
            public void deliver(Delivery delivery) {
                try {
                    self[0].pull(1);
                } catch (JMSException e) {
                    fromCallback.add(e);
                }
            }

            @Override
            public void consumerClosed(long consumerId, JMSException reason) {
            }

            @Override
            public void connectionFailed(JMSException cause) {
            }
        };
        CompletableFuture<BrokerConnection> connecting = CompletableFuture.supplyAsync(() -> {
            try {
                return new TcpTransportFactory().connect(new ConnectRequest(URI.create(broker.url()),
                        Map.of("heartbeat", "0"), null, null), reentrant);
            } catch (JMSException e) {
                throw new CompletionException(e);
            }
        });
        broker.acceptAndConnect(0);
        self[0] = connecting.get(10, TimeUnit.SECONDS);
        toClose.add(self[0]);
        broker.write(new dev.petrel.protocol.wire.Callback.Deliver(
                new Delivery(1, 1, dev.petrel.protocol.wire.WireTestMessages.message(), 1, false)).toFrame());
        awaitTrue("callback ran", () -> !fromCallback.isEmpty());
        assertInstanceOf(jakarta.jms.IllegalStateException.class, fromCallback.get(0));
    }

    @Test
    void unreachableBrokerFailsConnectNamingTheAddress() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0)) {
            freePort = probe.getLocalPort();
        }
        URI uri = URI.create("tcp://127.0.0.1:" + freePort);
        JMSException e = assertThrows(JMSException.class, () -> new TcpTransportFactory().connect(
                new ConnectRequest(uri, Map.of(), null, null), handler));
        assertTrue(e.getMessage().contains("tcp://127.0.0.1:" + freePort), e.getMessage());
    }

    @Test
    void transportsAreFoundByScheme() {
        List<String> schemes = ServiceLoader.load(TransportFactory.class).stream()
                .map(provider -> provider.get().scheme()).toList();
        assertTrue(schemes.containsAll(List.of("tcp", "ssl")), schemes.toString());
    }
}
