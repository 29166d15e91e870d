package dev.petrel.transport.failover;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.Delivery;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The member connection of a {@link FailoverBrokerConnection} and its replacement: notices the
 * loss of the current member (its {@code connectionFailed}), marks the {@link ClientState} for it,
 * reconnects on a {@code petrel-failover} thread through the {@link MemberConnector}, re-creates
 * the client's state on the new member, and lets callers wait for it ({@link #awaitMember}, up to
 * {@code reconnectTimeout}). When every attempt fails the client's {@code connectionFailed} is
 * called; a successful failover is only logged (WARN).
 *
 * <p>Thread-safety: the current member and the reconnecting/failed/closed flags are guarded by one
 * lock; member callbacks arrive on the members' I/O threads.
 */
final class Reconnector {

    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);
    private static final long LOSS_REPORT_WAIT_MILLIS = 500;

    private final MemberConnector connector;
    private final FailoverOptions options;
    private final ClientHandler handler;
    private final ClientState state;
    private final Object lock = new Object();
    private Member current;
    private boolean reconnecting;
    private JMSException failure;
    private boolean closed;

    Reconnector(MemberConnector connector, FailoverOptions options, ClientHandler handler, ClientState state) {
        this.connector = connector;
        this.options = options;
        this.handler = handler;
        this.state = state;
    }

    /** Connects to the first member that accepts (bounded like a reconnection). */
    void connectFirst() throws JMSException {
        Member first = connector.connect(this::handlerFor, member -> { }, this::isClosed);
        synchronized (lock) {
            current = first;
        }
        lostBeforePublished(first);
    }

    ConnectionInfo info() {
        synchronized (lock) {
            return current.connection.info();
        }
    }

    /** The current member when connected, else null (no waiting). */
    Member currentIfConnected() {
        synchronized (lock) {
            return reconnecting || closed || failure != null ? null : current;
        }
    }

    void close() {
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

    // ---- member callbacks and reconnection -------------------------------------------------------

    ClientHandler handlerFor(Member member) {
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
            if (closed) {
                next.connection.close();
                return;
            }
            current = next;
            reconnecting = false;
            lock.notifyAll();
        }
        LOG.warn("failover: failed over from {} to {}", lost, next);
        lostBeforePublished(next);
    }

    /** A member lost before it became current was only marked; fail over from it now. */
    private void lostBeforePublished(Member member) {
        if (member.lost()) {
            memberLost(member, new JMSException("connection to " + member + " was lost while it was being set up"));
        }
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
    Member awaitMember() throws JMSException {
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
    static boolean lostDuring(Member m, JMSException e) {
        if (m.lost()) {
            return true;
        }
        if (e.getClass() != JMSException.class && !(e instanceof jakarta.jms.IllegalStateException)) {
            return false;
        }
        return m.awaitLost(LOSS_REPORT_WAIT_MILLIS);
    }

    interface MemberCall<T> {
        T apply(Member m) throws JMSException;
    }

    /** Runs a call on the current member; when the member is lost during it, runs it again after failover. */
    <T> T retrying(MemberCall<T> call) throws JMSException {
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
    void unlessLost(MemberCall<Void> call) throws JMSException {
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
}
