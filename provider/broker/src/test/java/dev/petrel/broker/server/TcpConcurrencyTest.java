package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpConcurrencyTest extends ServerTestSupport {

    @Test
    void concurrentRequestsFromManyThreadsEachGetTheirOwnResponse() throws Exception {
        start();
        BrokerConnection client = connect(new RecordingClientHandler());
        endpoint.connection(0).browseEchoes = true;
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                long browserId = i;
                answers.add(threads.submit(() -> client.browseNext(browserId, (int) (browserId % 5))
                        .stream().map(ServerTestSupport::text).toList()));
            }
            for (int i = 0; i < answers.size(); i++) {
                List<String> expected = new ArrayList<>();
                for (int k = 0; k < i % 5; k++) {
                    expected.add("b" + i + "-" + k);
                }
                assertEquals(expected, answers.get(i).get(30, TimeUnit.SECONDS), "answer to request " + i);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void requestsOfOneConnectionReachTheBrokerInTheOrderSent() throws Exception {
        start();
        BrokerConnection client = connect(new RecordingClientHandler());
        List<CompletionStage<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sends.add(client.send(1, message("m" + i)));
            if (i % 50 == 0) {
                client.grantCredit(1, i);
            }
        }
        for (CompletionStage<Void> send : sends) {
            send.toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        List<String> order = new ArrayList<>();
        for (RecordingConnection.Call call : endpoint.connection(0).calls) {
            if (call.method().equals("send")) {
                order.add(text((dev.petrel.message.MessageData) call.args().get(1)));
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add("m" + i);
        }
        assertEquals(expected, order);
    }

    @Test
    void producerWindowHoldsTheSenderWhileThatManySendsAreInFlight() throws Exception {
        start();
        BrokerConnection client = connect(Map.of("producerWindow", "2"), new RecordingClientHandler());
        RecordingConnection broker = endpoint.connection(0);
        broker.holdSends = true;
        client.send(1, message("a"));
        client.send(1, message("b"));
        CompletableFuture<CompletionStage<Void>> third = CompletableFuture.supplyAsync(() -> client.send(1, message("c")));
        Await.until("two sends held by the broker", () -> broker.heldSends.size() == 2);
        assertTrue(!third.isDone(), "third send must wait for a window slot");
        assertEquals(2, broker.methods().stream().filter("send"::equals).count());
        broker.heldSends.poll().complete(null);
        third.get(10, TimeUnit.SECONDS);
        Await.until("third send reaches the broker", () -> broker.heldSends.size() == 2);
        broker.heldSends.forEach(stage -> stage.complete(null));
    }

    @Test
    void deliveriesFromManyBrokerThreadsAllArrive() throws Exception {
        start();
        RecordingClientHandler handler = new RecordingClientHandler();
        connect(handler);
        RecordingConnection broker = endpoint.connection(0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 1000; i++) {
                long id = i;
                threads.execute(() -> broker.handler.deliver(new Delivery(1, id, message("d" + id), 1, false)));
            }
            Await.until("1000 deliveries", () -> handler.deliveries.size() == 1000);
            assertEquals(1000, handler.deliveries.stream().mapToLong(Delivery::deliveryId).distinct().count());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void brokerCallThatBlocksDoesNotHoldUpOtherConnectionsOnTheSameIoThread() throws Exception {
        start(config().ioThreads(1));
        BrokerConnection slow = connect(new RecordingClientHandler());
        RecordingConnection slowBroker = endpoint.connection(0);
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        slowBroker.commitGate = gate;
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try {
                slow.commit(1, List.of());
            } catch (jakarta.jms.JMSException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            Await.until("commit blocks in the broker", () -> slowBroker.methods().contains("commit"));
            BrokerConnection other = connect(new RecordingClientHandler());
            other.createSession(1, 1);
            assertEquals(List.of(1L, 1), endpoint.connection(1).last("createSession").args());
        } finally {
            gate.countDown();
        }
        commit.get(10, TimeUnit.SECONDS);
    }
}
