package dev.petrel.console.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's logged-in sessions, in memory. A session ends when it is idle longer than the
 * timeout (checked on each lookup, and expired sessions are swept then) or on logout. Ids and CSRF
 * tokens are 256-bit random values. Thread-safe.
 */
public final class SessionStore {

    private static final int TOKEN_BYTES = 32;

    private final Map<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration timeout;
    private final Clock clock;

    public SessionStore(Duration timeout, Clock clock) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("session timeout must be positive, was " + timeout);
        }
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Starts a new session for a freshly authenticated user (a new id every login: no fixation). */
    public ConsoleSession create(ConsolePrincipal principal) {
        sweepExpired();
        ConsoleSession session = new ConsoleSession(newToken(), newToken(), principal, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with that id, its idle timer restarted; empty when unknown or timed out. */
    public Optional<ConsoleSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        ConsoleSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (isExpired(session, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.touch(now);
        return Optional.of(session);
    }

    /** Ends a session (logout). */
    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** How long a session may stay idle. */
    public Duration timeout() {
        return timeout;
    }

    /** A fresh random token (also used for the login form's CSRF cookie). */
    public String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private boolean isExpired(ConsoleSession session, Instant now) {
        return session.lastAccess().plus(timeout).isBefore(now);
    }

    private void sweepExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> isExpired(s, now));
    }
}
