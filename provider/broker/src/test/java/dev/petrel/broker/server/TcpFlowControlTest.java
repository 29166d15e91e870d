package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpFlowControlTest extends ServerTestSupport {

    @Test
    void requestsBeyondTheQueueLimitPauseReadingAndAllRunOnceTheBrokerCatchesUp() throws Exception {
        start(config().maxQueuedRequests(2));
        BrokerConnection client = connect(Map.of("heartbeat", "0"), new RecordingClientHandler());
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
        Await.until("commit blocks in the broker", () -> broker.methods().contains("commit"));
        List<CompletionStage<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sends.add(client.send(1, message("s" + i)));
        }
        assertEquals(0, broker.methods().stream().filter("send"::equals).count(), "sends wait behind the commit");
        gate.countDown();
        commit.get(10, TimeUnit.SECONDS);
        for (CompletionStage<Void> send : sends) {
            send.toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        assertEquals(50, broker.methods().stream().filter("send"::equals).count());
    }

    @Test
    void clientLeavingTheServerUnableToWriteIsDisconnectedAfterTheStallTimeout() throws Exception {
        start(config().writeStallTimeoutMillis(300));
        try (RawClient raw = new RawClient(server.port(), 4096)) {
            raw.handshake(0);
            RecordingConnection broker = endpoint.connection(0);
            String big = "y".repeat(64 * 1024);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!broker.isClosed() && System.nanoTime() < deadline) {
                broker.handler.consumerClosed(1, new JMSException(big));
                Thread.sleep(5); // paced: the test must not outrun the server by hundreds of megabytes
            }
            assertTrue(broker.isClosed(), "server should have given up on the stalled client");
        }
    }
}
