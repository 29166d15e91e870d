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
    private static final long LOSS_REPORT_WAIT_MILLIS = 500;

    private final MemberConnector connector;
    private final FailoverOptions options;
    private final ClientHandler handler;
    private final ClientState state = new ClientState();
    private final Object lock = new Object();
    private Member current;
    private boolean reconnecting;
    private JMSException failure;
    private boolean closed;

    private FailoverBrokerConnection(MemberConnector connector, FailoverOptions options, ClientHandler handler) {
        this.connector = connector;
        this.options = options;
        this.handler = handler;
    }

    /** Connects to the first member that accepts (bounded like a reconnection). */
    static FailoverBrokerConnection open(MemberConnector connector, FailoverOptions options, ClientHandler handler)
            throws JMSException {
        FailoverBrokerConnection connection = new FailoverBrokerConnection(connector, options, handler);
        Member first = connector.connect(connection::handlerFor, member -> { }, () -> false);
        synchronized (connection.lock) {
            connection.current = first;
        }
        return connection;
    }

    // ---- member callbacks and reconnection -------------------------------------------------------

    private ClientHandler handlerFor(Member member) {
        return new ClientHandler() {
            @Override
            public void deliver(Delivery d) {
                handler.deliver(new Delivery(d.consumerId(), member.encode(d.deliveryId()), d.message(),
                        d.deliveryCount(), d.redelivered()));
            }

            @Override
            public void consumerClosed(long consumerId, JMSException reason) {
                state.removeConsumer(consumerId);
                handler.consumerClosed(consumerId, reason);
            }

            @Override
            public void connectionFailed(JMSException cause) {
                memberLost(member, cause);
            }
        };
    }

    private void memberLost(Member member, JMSException cause) {
        synchronized (lock) {
            if (closed || member != current || reconnecting || failure != null) {
                member.markLost();
                return;
            }
            reconnecting = true;
        }
        member.markLost();
        List<Long> browsers = state.failoverStarted();
        LOG.warn("failover: connection to {} lost ({}); reconnecting", member, cause.getMessage());
        if (!browsers.isEmpty()) {
            LOG.warn("failover: browsers {} were open on {}; they fail (a browser cannot resume on another connection)",
                    browsers, member);
        }
        Thread thread = new Thread(() -> reconnect(member), "petrel-failover");
        thread.setDaemon(true);
        thread.start();
    }

    private void reconnect(Member lost) {
        lost.connection.close();
        Member next;
        try {
            next = connector.connect(this::handlerFor, this::restore, this::isClosed);
        } catch (JMSException e) {
            synchronized (lock) {
                failure = e;
                reconnecting = false;
                lock.notifyAll();
                if (closed) {
                    return;
                }
            }
            LOG.error("failover: giving up: {}", e.getMessage());
            handler.connectionFailed(e);
            return;
        }
        synchronized (lock) {
            if (!closed) {
                current = next;
                reconnecting = false;
                lock.notifyAll();
                LOG.warn("failover: failed over from {} to {}", lost, next);
                return;
            }
        }
        next.connection.close();
    }

    /** Re-creates the client's state on a new member. */
    private void restore(Member m) throws JMSException {
        BrokerConnection c = m.connection;
        String clientId = state.clientId();
        if (clientId != null) {
            c.setClientId(clientId);
            state.clientIdCreated(m.generation);
        }
        for (DestinationRef temporary : state.temporaries()) {
            c.createTemporaryDestination(temporary);
            state.temporaryCreated(temporary, m.generation);
        }
        for (ClientState.SessionEntry session : state.sessions()) {
            c.createSession(session.id, session.ackMode);
            state.markGeneration(session, m.generation);
        }
        for (ClientState.ConsumerEntry consumer : state.consumers()) {
            try {
                c.createConsumer(consumer.sessionId, consumer.id, consumer.spec);
                state.markGeneration(consumer, m.generation);
            } catch (JMSException e) {
                if (lostDuring(m, e)) {
                    throw e;
                }
                LOG.warn("failover: consumer {} cannot be re-created on {}: {}", consumer.id, m, e.getMessage());
                state.removeConsumer(consumer.id);
                handler.consumerClosed(consumer.id, e);
            }
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** The current member, waiting up to {@code reconnectTimeout} while a failover is in progress. */
    private Member awaitMember() throws JMSException {
        long deadline = System.nanoTime() + options.reconnectTimeout() * 1_000_000L;
        synchronized (lock) {
            while (true) {
                if (closed) {
                    throw new jakarta.jms.IllegalStateException("connection to failover:" + connector.members() + " is closed");
                }
                if (failure != null) {
                    JMSException copy = new JMSException("connection lost: " + failure.getMessage());
                    copy.setLinkedException(failure);
                    throw copy;
                }
                if (!reconnecting && current != null) {
                    return current;
                }
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new JMSException("no broker of failover:" + connector.members() + " reconnected within reconnectTimeout="
                            + options.reconnectTimeout() + " ms");
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JMSException("interrupted while waiting for failover to " + connector.members());
                }
            }
        }
    }

    /** True when {@code e} came from {@code m} losing its connection (waiting briefly for the loss report). */
    private static boolean lostDuring(Member m, JMSException e) {
        if (m.lost()) {
            return true;
        }
        if (e.getClass() != JMSException.class && !(e instanceof jakarta.jms.IllegalStateException)) {
            return false;
        }
        return m.awaitLost(LOSS_REPORT_WAIT_MILLIS);
    }

    private interface MemberCall<T> {
        T apply(Member m) throws JMSException;
    }

    /** Runs a call on the current member; when the member is lost during it, runs it again after failover. */
    private <T> T retrying(MemberCall<T> call) throws JMSException {
        while (true) {
            Member m = awaitMember();
            try {
                return call.apply(m);
            } catch (JMSException e) {
                if (!lostDuring(m, e)) {
                    throw e;
                }
                LOG.info("failover: {} was lost during a call; retrying it after failover", m);
            }
        }
    }

    /** Runs a call whose effect the loss of the member makes moot (the broker undoes the connection's state). */
    private void unlessLost(MemberCall<Void> call) throws JMSException {
        Member m = awaitMember();
        try {
            call.apply(m);
        } catch (JMSException e) {
            if (!lostDuring(m, e)) {
                throw e;
            }
            LOG.info("failover: {} was lost during a call that it makes moot: {}", m, e.getMessage());
        }
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
        synchronized (lock) {
            return current.connection.info();
        }
    }

    @Override
    public void setClientId(String clientId) throws JMSException {
        state.clientId(clientId);
        try {
            retrying(m -> {
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
            retrying(m -> {
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
        unlessLost(m -> {
            m.connection.closeSession(sessionId, ofMember(seenByApplication, m));
            return null;
        });
    }

    @Override
    public CompletionStage<Void> send(long sessionId, MessageData message) {
        Member m;
        try {
            m = awaitMember();
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
        if (cause instanceof JMSException jms && lostDuring(m, jms)) {
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
            retrying(m -> {
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
        unlessLost(m -> {
            m.connection.closeConsumer(consumerId, ofMember(notSeen, m));
            return null;
        });
    }

    @Override
    public void grantCredit(long consumerId, int messages) {
        Member m;
        synchronized (lock) {
            if (reconnecting || closed || failure != null || current == null) {
                LOG.debug("failover: credit {} for consumer {} dropped while not connected; a re-created consumer gets"
                        + " its prefetch afresh", messages, consumerId);
                return;
            }
            m = current;
        }
        m.connection.grantCredit(consumerId, messages);
    }

    @Override
    public boolean pull(long consumerId) throws JMSException {
        return retrying(m -> m.connection.pull(consumerId));
    }

    @Override
    public void acknowledge(long sessionId, List<Long> deliveryIds) throws JMSException {
        unlessLost(m -> {
            List<Long> ids = ofMember(deliveryIds, m);
            if (!ids.isEmpty()) {
                m.connection.acknowledge(sessionId, ids);
            }
            return null;
        });
    }

    @Override
    public void commit(long sessionId, List<Long> consumed) throws JMSException {
        Member m = awaitMember();
        if (state.takeRolledBackByFailover(sessionId) || anyOlder(consumed, m)) {
            try {
                m.connection.rollback(sessionId, ofMember(consumed, m), List.of());
            } catch (JMSException e) {
                if (!lostDuring(m, e)) {
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
            if (!lostDuring(m, e)) {
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
        unlessLost(m -> {
            m.connection.rollback(sessionId, ofMember(consumed, m), ofMember(notSeen, m));
            return null;
        });
    }

    @Override
    public void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) throws JMSException {
        unlessLost(m -> {
            m.connection.recover(sessionId, ofMember(unacknowledged, m), ofMember(notSeen, m));
            return null;
        });
    }

    @Override
    public void unsubscribe(String subscriptionName) throws JMSException {
        retrying(m -> {
            m.connection.unsubscribe(subscriptionName);
            return null;
        });
    }

    @Override
    public void createTemporaryDestination(DestinationRef destination) throws JMSException {
        state.addTemporary(destination);
        try {
            retrying(m -> {
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
        unlessLost(m -> {
            m.connection.deleteTemporaryDestination(destination);
            return null;
        });
        state.removeTemporary(destination);
    }

    @Override
    public void checkDestination(DestinationRef destination) throws JMSException {
        retrying(m -> {
            m.connection.checkDestination(destination);
            return null;
        });
    }

    @Override
    public void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) throws JMSException {
        retrying(m -> {
            m.connection.openBrowser(sessionId, browserId, queue, selector);
            state.addBrowser(browserId, m.generation);
            return null;
        });
    }

    @Override
    public List<MessageData> browseNext(long browserId, int max) throws JMSException {
        if (!state.browserFailed(browserId)) {
            Member m = awaitMember();
            try {
                return m.connection.browseNext(browserId, max);
            } catch (JMSException e) {
                if (!lostDuring(m, e)) {
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
            unlessLost(m -> {
                m.connection.closeBrowser(browserId);
                return null;
            });
        }
    }

    // ---- XA: passed to the current member; a failover aborts unprepared branches on the lost broker ----

    @Override
    public void xaStart(long sessionId, PetrelXid xid, int flags, int timeoutSeconds) throws JMSException {
        awaitMember().connection.xaStart(sessionId, xid, flags, timeoutSeconds);
    }

    @Override
    public void xaEnd(long sessionId, PetrelXid xid, int flags) throws JMSException {
        awaitMember().connection.xaEnd(sessionId, xid, flags);
    }

    @Override
    public int xaPrepare(PetrelXid xid) throws JMSException {
        return awaitMember().connection.xaPrepare(xid);
    }

    @Override
    public void xaCommit(PetrelXid xid, boolean onePhase) throws JMSException {
        awaitMember().connection.xaCommit(xid, onePhase);
    }

    @Override
    public void xaRollback(PetrelXid xid) throws JMSException {
        awaitMember().connection.xaRollback(xid);
    }

    @Override
    public List<PetrelXid> xaRecover() throws JMSException {
        return awaitMember().connection.xaRecover();
    }

    @Override
    public void xaForget(PetrelXid xid) throws JMSException {
        awaitMember().connection.xaForget(xid);
    }

    @Override
    public void close() {
        Member m;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            m = reconnecting ? null : current;
            lock.notifyAll();
        }
        connector.wake();
        if (m != null) {
            m.connection.close();
        }
    }
}
