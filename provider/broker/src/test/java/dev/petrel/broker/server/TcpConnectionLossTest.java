package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpConnectionLossTest extends ServerTestSupport {

    @Test
    void serverShutdownFailsPendingRequestsAndReportsConnectionFailed() throws Exception {
        start();
        RecordingClientHandler handler = new RecordingClientHandler();
        BrokerConnection client = connect(handler);
        RecordingConnection broker = endpoint.connection(0);
        CountDownLatch gate = new CountDownLatch(1);
        broker.commitGate = gate;
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try {
                client.commit(1, List.of());
            } catch (JMSException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Await.until("commit reaches the broker", () -> broker.methods().contains("commit"));
        CompletableFuture.runAsync(server::close);
        ExecutionException e = assertThrows(ExecutionException.class, () -> commit.get(20, TimeUnit.SECONDS));
        gate.countDown();
        assertInstanceOf(JMSException.class, e.getCause().getCause());
        assertTrue(e.getCause().getCause().getMessage().contains("shutting down"), e.getCause().getCause().getMessage());
        assertTrue(handler.awaitFailure().getMessage().contains("shutting down"));
    }

    @Test
    void socketLossFailsPendingRequestsWithConnectionLostAndReportsConnectionFailed() throws Exception {
        start();
        try (ForwardingProxy proxy = closeLater(new ForwardingProxy(server.port()))) {
            RecordingClientHandler handler = new RecordingClientHandler();
            BrokerConnection client = new dev.petrel.transport.tcp.TcpTransportFactory().connect(
                    new dev.petrel.transport.ConnectRequest(java.net.URI.create("tcp://127.0.0.1:" + proxy.port()),
                            java.util.Map.of(), null, null), handler);
            closeLater(client);
            RecordingConnection broker = endpoint.connection(0);
            CountDownLatch gate = new CountDownLatch(1);
            broker.commitGate = gate;
            CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
                try {
                    client.commit(1, List.of());
                } catch (JMSException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Await.until("commit reaches the broker", () -> broker.methods().contains("commit"));
            proxy.cutAll();
            ExecutionException e = assertThrows(ExecutionException.class, () -> commit.get(20, TimeUnit.SECONDS));
            gate.countDown();
            assertTrue(e.getCause().getCause().getMessage().contains("lost"), e.getCause().getCause().getMessage());
            assertTrue(handler.awaitFailure().getMessage().contains("lost"));
            Await.until("server closes the broker connection", broker::isClosed);
        }
    }
}
