package dev.petrel.transport.failover;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.JMSException;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A member connection for failover unit tests: records every call as text, keeps sends pending
 * until {@link #confirmSends}, and {@link #lose loses} the connection as the TCP transport does
 * (pending requests fail first, then {@code connectionFailed}).
 *
 * <p>Thread-safety: calls are recorded in a concurrent list.
 */
final class ScriptedBroker implements BrokerConnection {

    final String name;
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> pendingSends = new CopyOnWriteArrayList<>();
    volatile ClientHandler handler;
    private volatile boolean lost;
    /** When set, the connection is lost right after it creates a session (as during a failover's restore). */
    volatile boolean loseAfterCreateSession;

    ScriptedBroker(String name) {
        this.name = name;
    }

    void deliver(long consumerId, long deliveryId) {
        handler.deliver(new Delivery(consumerId, deliveryId, null, 1, false));
    }

    void confirmSends() {
        pendingSends.forEach(f -> f.complete(null));
    }

    void lose() {
        lost = true;
        JMSException cause = new JMSException("connection to " + name + " lost");
        pendingSends.forEach(f -> f.completeExceptionally(cause));
        handler.connectionFailed(cause);
    }

    private void check() throws JMSException {
        if (lost) {
            throw new JMSException("connection to " + name + " lost");
        }
    }

    @Override
    public ConnectionInfo info() {
        return new ConnectionInfo(name, name, "test");
    }

    @Override
    public void setClientId(String clientId) throws JMSException {
        check();
        calls.add("clientId " + clientId);
    }

    @Override
    public void createSession(long sessionId, int acknowledgeMode) throws JMSException {
        check();
        calls.add("session " + sessionId + " mode " + acknowledgeMode);
        if (loseAfterCreateSession) {
            lose();
        }
    }

    @Override
    public void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException {
        check();
        calls.add("closeSession " + sessionId + " " + seenByApplication);
    }

    @Override
    public CompletionStage<Void> send(long sessionId, MessageData message) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        pendingSends.add(future);
        calls.add("send " + sessionId);
        return future;
    }

    @Override
    public void createConsumer(long sessionId, long consumerId, ConsumerSpec spec) throws JMSException {
        check();
        calls.add("consumer " + consumerId + " of session " + sessionId + " prefetch " + spec.prefetch());
    }

    @Override
    public void closeConsumer(long consumerId, List<Long> notSeen) throws JMSException {
        check();
        calls.add("closeConsumer " + consumerId + " " + notSeen);
    }

    @Override
    public void grantCredit(long consumerId, int messages) {
        calls.add("credit " + consumerId + " " + messages);
    }

    @Override
    public boolean pull(long consumerId) throws JMSException {
        check();
        return false;
    }

    @Override
    public CompletionStage<Void> acknowledgeAsync(long sessionId, List<Long> deliveryIds) {
        try {
            check();
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
        calls.add("ack " + sessionId + " " + deliveryIds);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void commit(long sessionId, List<Long> consumed) throws JMSException {
        check();
        calls.add("commit " + sessionId + " " + consumed);
    }

    @Override
    public void rollback(long sessionId, List<Long> consumed, List<Long> notSeen) throws JMSException {
        check();
        calls.add("rollback " + sessionId + " " + consumed + " " + notSeen);
    }

    @Override
    public void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) throws JMSException {
        check();
        calls.add("recover " + sessionId + " " + unacknowledged + " " + notSeen);
    }

    @Override
    public void unsubscribe(String subscriptionName) throws JMSException {
        check();
        calls.add("unsubscribe " + subscriptionName);
    }

    @Override
    public void createTemporaryDestination(DestinationRef destination) throws JMSException {
        check();
        calls.add("temporary " + destination);
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination) throws JMSException {
        check();
        calls.add("deleteTemporary " + destination);
    }

    @Override
    public void checkDestination(DestinationRef destination) throws JMSException {
        check();
    }

    @Override
    public void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) throws JMSException {
        check();
    }

    @Override
    public List<MessageData> browseNext(long browserId, int max) throws JMSException {
        check();
        return List.of();
    }

    @Override
    public void closeBrowser(long browserId) throws JMSException {
        check();
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
