package dev.petrel.client;

import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test-only {@link BrokerConnection} that records every call as a line of text and lets the test
 * push deliveries to the client. Sends complete at once. Thread-safe (synchronized log).
 */
class StubBroker implements BrokerConnection {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<ConsumerSpec> consumerSpecs = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong deliveryIds = new AtomicLong();
    volatile ClientHandler handler;
    volatile JMSException clientIdFailure;
    volatile boolean closed;
    /** When set, sends complete only when the test completes the future it finds in {@link #pendingSends}. */
    volatile boolean holdSends;
    final List<CompletableFuture<Void>> pendingSends = Collections.synchronizedList(new ArrayList<>());
    final List<MessageData> sent = Collections.synchronizedList(new ArrayList<>());
    /** When set, acknowledgements complete only when the test completes the future it finds in {@link #pendingAcks}. */
    volatile boolean holdAcks;
    final List<CompletableFuture<Void>> pendingAcks = Collections.synchronizedList(new ArrayList<>());

    @Override
    public ConnectionInfo info() {
        return new ConnectionInfo("stub-1", "stub", "0");
    }

    @Override
    public void setClientId(String clientId) throws JMSException {
        if (clientIdFailure != null) {
            throw clientIdFailure;
        }
        calls.add("setClientId " + clientId);
    }

    @Override
    public void createSession(long sessionId, int acknowledgeMode) {
        calls.add("createSession " + sessionId + " " + acknowledgeMode);
    }

    @Override
    public void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException {
        calls.add("closeSession " + sessionId + " seen=" + seenByApplication);
    }

    @Override
    public CompletionStage<Void> send(long sessionId, MessageData message) {
        calls.add("send " + sessionId + " " + message.destination());
        sent.add(message);
        if (holdSends) {
            CompletableFuture<Void> pending = new CompletableFuture<>();
            pendingSends.add(pending);
            return pending;
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void createConsumer(long sessionId, long consumerId, ConsumerSpec spec) {
        consumerSpecs.add(spec);
        calls.add("createConsumer " + sessionId + " " + consumerId);
    }

    @Override
    public void closeConsumer(long consumerId, List<Long> notSeen) {
        calls.add("closeConsumer " + consumerId + " notSeen=" + notSeen);
    }

    @Override
    public void grantCredit(long consumerId, int messages) {
        calls.add("grantCredit " + consumerId + " " + messages);
    }

    @Override
    public boolean pull(long consumerId) {
        calls.add("pull " + consumerId);
        return false;
    }

    @Override
    public CompletionStage<Void> acknowledgeAsync(long sessionId, List<Long> deliveryIds) {
        calls.add("acknowledge " + sessionId + " " + deliveryIds);
        if (!holdAcks) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> pending = new CompletableFuture<>();
        pendingAcks.add(pending);
        return pending;
    }

    @Override
    public void commit(long sessionId, List<Long> consumed) {
        calls.add("commit " + sessionId + " " + consumed);
    }

    @Override
    public void rollback(long sessionId, List<Long> consumed, List<Long> notSeen) {
        calls.add("rollback " + sessionId + " consumed=" + consumed + " notSeen=" + notSeen);
    }

    @Override
    public void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) {
        calls.add("recover " + sessionId + " unacknowledged=" + unacknowledged + " notSeen=" + notSeen);
    }

    @Override
    public void unsubscribe(String subscriptionName) {
        calls.add("unsubscribe " + subscriptionName);
    }

    @Override
    public void createTemporaryDestination(DestinationRef destination) {
        calls.add("createTemporaryDestination " + destination);
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination) {
        calls.add("deleteTemporaryDestination " + destination);
    }

    @Override
    public void checkDestination(DestinationRef destination) {
        calls.add("checkDestination " + destination);
    }

    @Override
    public void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) {
        calls.add("openBrowser " + browserId);
    }

    @Override
    public List<MessageData> browseNext(long browserId, int max) {
        return List.of();
    }

    @Override
    public void closeBrowser(long browserId) {
        calls.add("closeBrowser " + browserId);
    }

    @Override
    public void close() {
        closed = true;
        calls.add("close");
    }

    /** Delivers a minimal message to a consumer, as the broker would; returns the delivery id. */
    long deliver(long consumerId, DestinationRef destination) {
        return deliver(consumerId, new MessageData("ID:m" + (deliveryIds.get() + 1), 0, null, null, null, destination,
                2, 4, 0, 0, null, null, BodyType.NONE, null), 1, false);
    }

    /** Delivers a text message to a consumer; returns the delivery id. */
    long deliverText(long consumerId, DestinationRef destination, String text) {
        return deliver(consumerId, new MessageData("ID:m" + (deliveryIds.get() + 1), 0, null, null, null, destination,
                2, 4, 0, 0, null, null, BodyType.TEXT, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1, false);
    }

    long deliver(long consumerId, MessageData data, int deliveryCount, boolean redelivered) {
        long id = deliveryIds.incrementAndGet();
        handler.deliver(new Delivery(consumerId, id, data, deliveryCount, redelivered));
        return id;
    }

    /** The recorded calls that start with {@code prefix}. */
    List<String> callsStartingWith(String prefix) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.startsWith(prefix)).toList();
        }
    }
}
