package dev.petrel.transport.failover;

import dev.petrel.protocol.ClientHandler;
import dev.petrel.transport.BrokerUrl;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import dev.petrel.transport.Transports;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Connects to the members of a failover URL in turn, with exponential backoff and a bounded number
 * of attempts, logging each attempt. Remembers where it stopped: the next round starts with the
 * member after the one last connected.
 *
 * <p>Thread-safety: {@link #connect} is called by one thread at a time (the initial connect, then
 * the failover thread).
 */
final class MemberConnector {

    private static final Logger LOG = LoggerFactory.getLogger(MemberConnector.class);

    /** Prepares a freshly connected member (re-creates the client's state); throws to reject it. */
    interface Preparer {
        void prepare(Member member) throws JMSException;
    }

    private final List<BrokerUrl> members;
    private final FailoverOptions options;
    private final String username;
    private final String password;
    private final Object sleepLock = new Object();
    private int next;
    private int generation;

    private final TransportLookup transports;

    /** Finds the transport of a member's scheme (tests substitute their own). */
    interface TransportLookup {
        TransportFactory forScheme(String scheme) throws JMSException;
    }

    MemberConnector(List<BrokerUrl> members, FailoverOptions options, String username, String password) {
        this(members, options, username, password, Transports::forScheme);
    }

    MemberConnector(List<BrokerUrl> members, FailoverOptions options, String username, String password,
                    TransportLookup transports) {
        this.transports = transports;
        List<BrokerUrl> ordered = new ArrayList<>(members);
        if (options.randomize()) {
            Collections.shuffle(ordered);
        }
        this.members = List.copyOf(ordered);
        this.options = options;
        this.username = username;
        this.password = password;
    }

    List<BrokerUrl> members() {
        return members;
    }

    /**
     * Connects to the next member that accepts, up to {@code maxReconnectAttempts} attempts.
     *
     * @param handlerFor the client handler for a member's callbacks
     * @param preparer   run on each new connection before it is returned
     * @param cancelled  checked before each attempt (the failover connection was closed)
     * @throws JMSException naming every member and the last failure when no attempt succeeded
     */
    Member connect(Function<Member, ClientHandler> handlerFor, Preparer preparer, BooleanSupplier cancelled)
            throws JMSException {
        JMSException last = null;
        for (int attempt = 1; attempt <= options.maxReconnectAttempts(); attempt++) {
            pause(options.delayBefore(attempt), cancelled);
            if (cancelled.getAsBoolean()) {
                throw new jakarta.jms.IllegalStateException("failover connection was closed while connecting to " + members);
            }
            BrokerUrl url = members.get(next % members.size());
            next = (next + 1) % members.size();
            Member member = new Member(url, ++generation);
            LOG.info("failover: attempt {} of {} to connect to {}", attempt, options.maxReconnectAttempts(), url);
            try {
                member.connection = transports.forScheme(url.scheme())
                        .connect(new ConnectRequest(url.uri(), url.options(), username, password), handlerFor.apply(member));
                preparer.prepare(member);
                LOG.info("failover: connected to {}", member);
                return member;
            } catch (JMSException e) {
                LOG.warn("failover: attempt {} of {} to {} failed: {}", attempt, options.maxReconnectAttempts(), url, e.getMessage());
                member.markLost();
                if (member.connection != null) {
                    member.connection.close();
                }
                last = e;
            }
        }
        JMSException failure = new JMSException("could not connect to any broker of failover:" + members + " in "
                + options.maxReconnectAttempts() + " attempts (maxReconnectAttempts); last failure: "
                + (last == null ? "none" : last.getMessage()));
        if (last != null) {
            failure.setLinkedException(last);
            failure.initCause(last);
        }
        throw failure;
    }

    /** Wakes a pausing {@link #connect} (the connection was closed). */
    void wake() {
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
    }

    private void pause(long millis, BooleanSupplier cancelled) throws JMSException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        synchronized (sleepLock) {
            long left;
            while (!cancelled.getAsBoolean() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    sleepLock.wait(Math.max(1, left / 1_000_000L));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new JMSException("interrupted while waiting to reconnect to " + members);
                }
            }
        }
    }
}
