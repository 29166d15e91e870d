package dev.petrel.transport.failover;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.ConsumerSpec;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client has created on the broker, recorded so that a failover can create it again on the
 * next member: client id, sessions, consumers, temporary destinations, plus the open browsers
 * (which are failed, not recreated) and, per transacted session, whether it did work since its
 * last commit or rollback. Every entry records the member generation it exists on.
 *
 * <p>Thread-safety: every method is synchronized on this object; snapshots are copies.
 */
final class ClientState {

    /** A session; {@code generation} 0 while not yet created anywhere. */
    static final class SessionEntry {
        final long id;
        final int ackMode;
        int generation;
        boolean dirty;
        boolean rolledBackByFailover;

        SessionEntry(long id, int ackMode) {
            this.id = id;
            this.ackMode = ackMode;
        }

        boolean transacted() {
            return ackMode == Session.SESSION_TRANSACTED;
        }
    }

    /** A consumer. */
    static final class ConsumerEntry {
        final long sessionId;
        final long id;
        final ConsumerSpec spec;
        int generation;

        ConsumerEntry(long sessionId, long id, ConsumerSpec spec) {
            this.sessionId = sessionId;
            this.id = id;
            this.spec = spec;
        }
    }

    private String clientId;
    private int clientIdGeneration;
    private final Map<Long, SessionEntry> sessions = new LinkedHashMap<>();
    private final Map<Long, ConsumerEntry> consumers = new LinkedHashMap<>();
    private final Map<DestinationRef, Integer> temporaries = new LinkedHashMap<>();
    private final Map<Long, Integer> browsers = new LinkedHashMap<>();
    private final Set<Long> failedBrowsers = new HashSet<>();

    synchronized void clientId(String id) {
        clientId = id;
    }

    synchronized String clientId() {
        return clientId;
    }

    synchronized SessionEntry addSession(long id, int ackMode) {
        SessionEntry entry = new SessionEntry(id, ackMode);
        sessions.put(id, entry);
        return entry;
    }

    synchronized void removeSession(long id) {
        sessions.remove(id);
        consumers.values().removeIf(c -> c.sessionId == id);
    }

    synchronized SessionEntry session(long id) {
        return sessions.get(id);
    }

    synchronized ConsumerEntry addConsumer(long sessionId, long id, ConsumerSpec spec) {
        ConsumerEntry entry = new ConsumerEntry(sessionId, id, spec);
        consumers.put(id, entry);
        return entry;
    }

    synchronized void removeConsumer(long id) {
        consumers.remove(id);
    }

    synchronized void markGeneration(Object entry, int generation) {
        if (entry instanceof SessionEntry s) {
            s.generation = Math.max(s.generation, generation);
        } else if (entry instanceof ConsumerEntry c) {
            c.generation = Math.max(c.generation, generation);
        }
    }

    synchronized int generationOf(Object entry) {
        return entry instanceof SessionEntry s ? s.generation : ((ConsumerEntry) entry).generation;
    }

    /** Marks a transacted session as having done work (a send). */
    synchronized void sent(long sessionId) {
        SessionEntry session = sessions.get(sessionId);
        if (session != null && session.transacted()) {
            session.dirty = true;
        }
    }

    /** After a commit or rollback: no work, no pending failover rollback. */
    synchronized void settled(long sessionId) {
        SessionEntry session = sessions.get(sessionId);
        if (session != null) {
            session.dirty = false;
            session.rolledBackByFailover = false;
        }
    }

    /** True (once) when the session's transaction was lost to a failover; the mark is cleared. */
    synchronized boolean takeRolledBackByFailover(long sessionId) {
        SessionEntry session = sessions.get(sessionId);
        if (session == null || !session.rolledBackByFailover) {
            return false;
        }
        session.rolledBackByFailover = false;
        session.dirty = false;
        return true;
    }

    synchronized int addTemporary(DestinationRef destination) {
        temporaries.put(destination, 0);
        return 0;
    }

    synchronized void temporaryCreated(DestinationRef destination, int generation) {
        temporaries.computeIfPresent(destination, (d, g) -> Math.max(g, generation));
    }

    synchronized int temporaryGeneration(DestinationRef destination) {
        return temporaries.getOrDefault(destination, 0);
    }

    synchronized void removeTemporary(DestinationRef destination) {
        temporaries.remove(destination);
    }

    synchronized void addBrowser(long browserId, int generation) {
        browsers.put(browserId, generation);
    }

    synchronized void removeBrowser(long browserId) {
        browsers.remove(browserId);
        failedBrowsers.remove(browserId);
    }

    synchronized boolean browserFailed(long browserId) {
        return failedBrowsers.contains(browserId);
    }

    /**
     * Called when a failover starts: transacted sessions with work are marked rolled back, open
     * browsers failed. Returns the ids of the failed browsers.
     */
    synchronized List<Long> failoverStarted() {
        for (SessionEntry session : sessions.values()) {
            if (session.transacted() && session.dirty) {
                session.rolledBackByFailover = true;
            }
        }
        failedBrowsers.addAll(browsers.keySet());
        return new ArrayList<>(browsers.keySet());
    }

    synchronized List<SessionEntry> sessions() {
        return new ArrayList<>(sessions.values());
    }

    synchronized List<ConsumerEntry> consumers() {
        return new ArrayList<>(consumers.values());
    }

    synchronized List<DestinationRef> temporaries() {
        return new ArrayList<>(temporaries.keySet());
    }

    synchronized int clientIdGeneration() {
        return clientIdGeneration;
    }

    synchronized void clientIdCreated(int generation) {
        clientIdGeneration = Math.max(clientIdGeneration, generation);
    }
}
