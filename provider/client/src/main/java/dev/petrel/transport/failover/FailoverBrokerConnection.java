package dev.petrel.transport.failover;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import dev.petrel.protocol.PetrelXid;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ForkJoinPool;

/**
 * A {@link BrokerConnection} over the members of a {@code failover:(...)} URL: it wraps the current
 * member's connection and, when that connection is lost, connects to the next member (see
 * {@link MemberConnector}) and re-creates the client's state there (see {@link ClientState}): client
 * id, temporary destinations, sessions and consumers (with fresh credit). Open browsers are failed.
 * A transacted session that had sent or consumed in its transaction fails its next commit with
 * {@code TransactionRolledBackException}. Delivery ids are tagged with the member generation;
 * ids of a lost connection are never sent to another one (those messages are redelivered by the
 * broker they came from). A send whose outcome the loss made unknown fails with a JMSException
 * saying so. Calls during reconnection wait up to {@code reconnectTimeout}. When every attempt
 * fails the client's {@link ClientHandler#connectionFailed} is called; a successful failover is
 * only logged (WARN).
 *
 * <p>Thread-safety: every method may be called from any client thread; member callbacks arrive on
 * the member's I/O thread; reconnection runs on its own thread ({@code petrel-failover}).
 */
public final class FailoverBrokerConnection implements BrokerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverBrokerConnection.class);

    private final ClientState state = new ClientState();
    private final Reconnector members;

    private FailoverBrokerConnection(MemberConnector connector, FailoverOptions options, ClientHandler handler) {
        this.members = new Reconnector(connector, options, handler, state);
    }

    /** Connects to the first member that accepts (bounded like a reconnection). */
    static FailoverBrokerConnection open(MemberConnector connector, FailoverOptions options, ClientHandler handler)
            throws JMSException {
        FailoverBrokerConnection connection = new FailoverBrokerConnection(connector, options, handler);
        connection.members.connectFirst();
        return connection;
    }

    /** The broker ids of the deliveries of member {@code m}; ids of earlier generations are left out. */
    private static List<Long> ofMember(List<Long> clientIds, Member m) {
        List<Long> ids = new ArrayList<>(clientIds.size());
        for (long id : clientIds) {
            if (Member.generationOf(id) == m.generation) {
                ids.add(Member.brokerIdOf(id));
            }
        }
        if (ids.size() < clientIds.size()) {
            LOG.debug("failover: {} delivery ids of an earlier connection skipped for {}", clientIds.size() - ids.size(), m);
        }
        return ids;
    }

    private static boolean anyOlder(List<Long> clientIds, Member m) {
        return clientIds.stream().anyMatch(id -> Member.generationOf(id) < m.generation);
    }

    // ---- BrokerConnection -------------------------------------------------------------------------

    @Override
    public ConnectionInfo info() {
        return members.info();
    }

    @Override
    public void setClientId(String clientId) throws JMSException {
        state.clientId(clientId);
        try {
            members.retrying(m -> {
                if (state.clientIdGeneration() < m.generation) {
                    m.connection.setClientId(clientId);
                    state.clientIdCreated(m.generation);
                }
                return null;
            });
        } catch (JMSException e) {
            state.clientId(null);
            throw e;
        }
    }

    @Override
    public void createSession(long sessionId, int acknowledgeMode) throws JMSException {
        ClientState.SessionEntry entry = state.addSession(sessionId, acknowledgeMode);
        try {
            members.retrying(m -> {
                if (state.generationOf(entry) < m.generation) {
                    m.connection.createSession(sessionId, acknowledgeMode);
                    state.markGeneration(entry, m.generation);
                }
                return null;
            });
        } catch (JMSException e) {
            state.removeSession(sessionId);
            throw e;
        }
    }

    @Override
    public void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException {
        state.removeSession(sessionId);
        members.unlessLost(m -> {
            m.connection.closeSession(sessionId, ofMember(seenByApplication, m));
            return null;
        });
    }

    @Override
    public CompletionStage<Void> send(long sessionId, MessageData message) {
        Member m;
        try {
            m = members.awaitMember();
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
        state.sent(sessionId);
        CompletableFuture<Void> result = new CompletableFuture<>();
        m.connection.send(sessionId, message).whenComplete((ok, error) -> {
            if (error == null) {
                result.complete(null);
            } else {
                ForkJoinPool.commonPool().execute(() -> result.completeExceptionally(sendFailure(m, error)));
            }
        });
        return result;
    }

    private static Throwable sendFailure(Member m, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof JMSException jms && Reconnector.lostDuring(m, jms)) {
            JMSException unknown = new JMSException("the outcome of a send is unknown: the connection to " + m
                    + " was lost before the broker confirmed it (failover); the message may or may not have been"
                    + " delivered: " + jms.getMessage());
            unknown.setLinkedException(jms);
            unknown.initCause(jms);
            return unknown;
        }
        return cause;
    }

    @Override
    public void createConsumer(long sessionId, long consumerId, ConsumerSpec spec) throws JMSException {
        ClientState.ConsumerEntry entry = state.addConsumer(sessionId, consumerId, spec);
        try {
            members.retrying(m -> {
                if (state.generationOf(entry) < m.generation) {
                    m.connection.createConsumer(sessionId, consumerId, spec);
                    state.markGeneration(entry, m.generation);
                }
                return null;
            });
        } catch (JMSException e) {
            state.removeConsumer(consumerId);
            throw e;
        }
    }

    @Override
    public void closeConsumer(long consumerId, List<Long> notSeen) throws JMSException {
        state.removeConsumer(consumerId);
        members.unlessLost(m -> {
            m.connection.closeConsumer(consumerId, ofMember(notSeen, m));
            return null;
        });
    }

    @Override
    public void grantCredit(long consumerId, int messages) {
        Member m = members.currentIfConnected();
        if (m == null) {
            LOG.debug("failover: credit {} for consumer {} dropped while not connected; a re-created consumer gets"
                    + " its prefetch afresh", messages, consumerId);
            return;
        }
        m.connection.grantCredit(consumerId, messages);
    }

    @Override
    public boolean pull(long consumerId) throws JMSException {
        return members.retrying(m -> m.connection.pull(consumerId));
    }

    /**
     * Acknowledges the deliveries of the current member on it; ids of a lost member are skipped
     * (that broker redelivers them). A loss of the member before it confirmed makes the
     * acknowledgement moot in the same way: the stage then completes normally (logged).
     */
    @Override
    public CompletionStage<Void> acknowledgeAsync(long sessionId, List<Long> deliveryIds) {
        Member m;
        try {
            m = members.awaitMember();
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<Long> ids = ofMember(deliveryIds, m);
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> result = new CompletableFuture<>();
        m.connection.acknowledgeAsync(sessionId, ids).whenComplete((ok, error) -> {
            if (error == null) {
                result.complete(null);
            } else {
                // lostDuring may wait for the loss report: not on the member's I/O thread
                ForkJoinPool.commonPool().execute(() -> settleAcknowledgeFailure(m, error, result));
            }
        });
        return result;
    }

    private static void settleAcknowledgeFailure(Member m, Throwable error, CompletableFuture<Void> result) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof JMSException jms && Reconnector.lostDuring(m, jms)) {
            LOG.info("failover: {} was lost during an acknowledgement that it makes moot: {}", m, jms.getMessage());
            result.complete(null);
        } else {
            result.completeExceptionally(cause);
        }
    }

    @Override
    public void commit(long sessionId, List<Long> consumed) throws JMSException {
        Member m = members.awaitMember();
        if (state.takeRolledBackByFailover(sessionId) || anyOlder(consumed, m)) {
            try {
                m.connection.rollback(sessionId, ofMember(consumed, m), List.of());
            } catch (JMSException e) {
                if (!Reconnector.lostDuring(m, e)) {
                    throw e;
                }
            }
            state.settled(sessionId);
            throw new TransactionRolledBackException("the transaction of session " + sessionId
                    + " was rolled back: a failover to " + m + " happened while it had uncommitted work; its sends"
                    + " were discarded and the messages it received will be redelivered");
        }
        try {
            m.connection.commit(sessionId, ofMember(consumed, m));
            state.settled(sessionId);
        } catch (JMSException e) {
            if (!Reconnector.lostDuring(m, e)) {
                throw e;
            }
            state.takeRolledBackByFailover(sessionId);
            JMSException unknown = new JMSException("the outcome of commit of session " + sessionId
                    + " is unknown: the connection to " + m + " was lost before the broker answered (failover)");
            unknown.setLinkedException(e);
            throw unknown;
        }
    }

    @Override
    public void rollback(long sessionId, List<Long> consumed, List<Long> notSeen) throws JMSException {
        state.settled(sessionId);
        members.unlessLost(m -> {
            m.connection.rollback(sessionId, ofMember(consumed, m), ofMember(notSeen, m));
            return null;
        });
    }

    @Override
    public void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) throws JMSException {
        members.unlessLost(m -> {
            m.connection.recover(sessionId, ofMember(unacknowledged, m), ofMember(notSeen, m));
            return null;
        });
    }

    @Override
    public void unsubscribe(String subscriptionName) throws JMSException {
        members.retrying(m -> {
            m.connection.unsubscribe(subscriptionName);
            return null;
        });
    }

    @Override
    public void createTemporaryDestination(DestinationRef destination) throws JMSException {
        state.addTemporary(destination);
        try {
            members.retrying(m -> {
                if (state.temporaryGeneration(destination) < m.generation) {
                    m.connection.createTemporaryDestination(destination);
                    state.temporaryCreated(destination, m.generation);
                }
                return null;
            });
        } catch (JMSException e) {
            state.removeTemporary(destination);
            throw e;
        }
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination) throws JMSException {
        members.unlessLost(m -> {
            m.connection.deleteTemporaryDestination(destination);
            return null;
        });
        state.removeTemporary(destination);
    }

    @Override
    public void checkDestination(DestinationRef destination) throws JMSException {
        members.retrying(m -> {
            m.connection.checkDestination(destination);
            return null;
        });
    }

    @Override
    public void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) throws JMSException {
        members.retrying(m -> {
            m.connection.openBrowser(sessionId, browserId, queue, selector);
            state.addBrowser(browserId, m.generation);
            return null;
        });
    }

    @Override
    public List<MessageData> browseNext(long browserId, int max) throws JMSException {
        if (!state.browserFailed(browserId)) {
            Member m = members.awaitMember();
            try {
                return m.connection.browseNext(browserId, max);
            } catch (JMSException e) {
                if (!Reconnector.lostDuring(m, e)) {
                    throw e;
                }
            }
        }
        throw new JMSException("browser " + browserId + " was open on a broker connection lost in a failover; a browser"
                + " cannot resume on another connection: close it and create a new one");
    }

    @Override
    public void closeBrowser(long browserId) throws JMSException {
        boolean failed = state.browserFailed(browserId);
        state.removeBrowser(browserId);
        if (!failed) {
            members.unlessLost(m -> {
                m.connection.closeBrowser(browserId);
                return null;
            });
        }
    }

    // ---- XA: passed to the current member; a failover aborts unprepared branches on the lost broker ----

    @Override
    public void xaStart(long sessionId, PetrelXid xid, int flags, int timeoutSeconds) throws JMSException {
        members.awaitMember().connection.xaStart(sessionId, xid, flags, timeoutSeconds);
    }

    @Override
    public void xaEnd(long sessionId, PetrelXid xid, int flags) throws JMSException {
        members.awaitMember().connection.xaEnd(sessionId, xid, flags);
    }

    @Override
    public int xaPrepare(PetrelXid xid) throws JMSException {
        return members.awaitMember().connection.xaPrepare(xid);
    }

    @Override
    public void xaCommit(PetrelXid xid, boolean onePhase) throws JMSException {
        members.awaitMember().connection.xaCommit(xid, onePhase);
    }

    @Override
    public void xaRollback(PetrelXid xid) throws JMSException {
        members.awaitMember().connection.xaRollback(xid);
    }

    @Override
    public List<PetrelXid> xaRecover() throws JMSException {
        return members.awaitMember().connection.xaRecover();
    }

    @Override
    public void xaForget(PetrelXid xid) throws JMSException {
        members.awaitMember().connection.xaForget(xid);
    }

    @Override
    public void close() {
        members.close();
    }
}
