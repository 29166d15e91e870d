package dev.petrel.broker.server;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A test-only {@link BrokerConnection}: records each call as method name and arguments, answers with
 * what the test configured (an exception for the next call, held send stages, a pull that delivers,
 * browse results), and keeps the {@link ClientHandler} so tests can call back. Thread-safe.
 */
final class RecordingConnection implements BrokerConnection {

    record Call(String method, List<Object> args) {
    }

    final String id;
    final ClientHandler handler;
    final List<Call> calls = new CopyOnWriteArrayList<>();
    final BlockingQueue<CompletableFuture<Void>> heldSends = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile JMSException failNext;
    volatile RuntimeException crashNext;
    volatile boolean holdSends;
    volatile Delivery pullDelivers;
    volatile List<MessageData> browseResult = List.of();
    /** When true, browseNext answers {@code max} messages named "b<browserId>-<k>" instead of browseResult. */
    volatile boolean browseEchoes;
    /** When set, COMMIT waits for it (to keep a request pending). */
    volatile CountDownLatch commitGate;

    RecordingConnection(String id, ClientHandler handler) {
        this.id = id;
        this.handler = handler;
    }

    private void record(String method, Object... args) throws JMSException {
        calls.add(new Call(method, new ArrayList<>(Arrays.asList(args))));
        JMSException failure = failNext;
        if (failure != null) {
            failNext = null;
            throw failure;
        }
        RuntimeException crash = crashNext;
        if (crash != null) {
            crashNext = null;
            throw crash;
        }
    }

    List<String> methods() {
        return calls.stream().map(Call::method).toList();
    }

    Call last(String method) {
        Await.until(method + " called", () -> methods().contains(method));
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).method().equals(method)) {
                return calls.get(i);
            }
        }
        throw new AssertionError(method + " was not called");
    }

    @Override
    public ConnectionInfo info() {
        return new ConnectionInfo(id, "test-broker", "0.0-test");
    }

    @Override
    public void setClientId(String clientId) throws JMSException {
        record("setClientId", clientId);
    }

    @Override
    public void createSession(long sessionId, int acknowledgeMode) throws JMSException {
        record("createSession", sessionId, acknowledgeMode);
    }

    @Override
    public void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException {
        record("closeSession", sessionId, seenByApplication);
    }

    @Override
    public CompletionStage<Void> send(long sessionId, MessageData message) {
        try {
            record("send", sessionId, message);
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Void> stage = new CompletableFuture<>();
        if (holdSends) {
            heldSends.add(stage);
        } else {
            stage.complete(null);
        }
        return stage;
    }

    @Override
    public void createConsumer(long sessionId, long consumerId, ConsumerSpec spec) throws JMSException {
        record("createConsumer", sessionId, consumerId, spec);
    }

    @Override
    public void closeConsumer(long consumerId, List<Long> notSeen) throws JMSException {
        record("closeConsumer", consumerId, notSeen);
    }

    @Override
    public void grantCredit(long consumerId, int messages) {
        calls.add(new Call("grantCredit", List.of(consumerId, messages)));
    }

    @Override
    public boolean pull(long consumerId) throws JMSException {
        record("pull", consumerId);
        Delivery delivery = pullDelivers;
        if (delivery == null) {
            return false;
        }
        handler.deliver(delivery);
        return true;
    }

    @Override
    public CompletionStage<Void> acknowledgeAsync(long sessionId, List<Long> deliveryIds) {
        try {
            record("acknowledge", sessionId, deliveryIds);
            return CompletableFuture.completedFuture(null);
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void commit(long sessionId, List<Long> consumed) throws JMSException {
        record("commit", sessionId, consumed);
        CountDownLatch gate = commitGate;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JMSException("interrupted");
            }
        }
    }

    @Override
    public void rollback(long sessionId, List<Long> consumed, List<Long> notSeen) throws JMSException {
        record("rollback", sessionId, consumed, notSeen);
    }

    @Override
    public void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) throws JMSException {
        record("recover", sessionId, unacknowledged, notSeen);
    }

    @Override
    public void unsubscribe(String subscriptionName) throws JMSException {
        record("unsubscribe", subscriptionName);
    }

    @Override
    public void createTemporaryDestination(DestinationRef destination) throws JMSException {
        record("createTemporaryDestination", destination);
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination) throws JMSException {
        record("deleteTemporaryDestination", destination);
    }

    @Override
    public void checkDestination(DestinationRef destination) throws JMSException {
        record("checkDestination", destination);
    }

    @Override
    public void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) throws JMSException {
        record("openBrowser", sessionId, browserId, queue, selector);
    }

    @Override
    public List<MessageData> browseNext(long browserId, int max) throws JMSException {
        record("browseNext", browserId, max);
        if (browseEchoes) {
            List<MessageData> echo = new ArrayList<>();
            for (int k = 0; k < max; k++) {
                echo.add(ServerTestSupport.message("b" + browserId + "-" + k));
            }
            return echo;
        }
        return browseResult;
    }

    @Override
    public void closeBrowser(long browserId) throws JMSException {
        record("closeBrowser", browserId);
    }

    @Override
    public void close() {
        calls.add(new Call("close", List.of()));
        closed.countDown();
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }
}
