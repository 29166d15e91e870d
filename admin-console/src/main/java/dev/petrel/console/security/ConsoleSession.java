package dev.petrel.console.security;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One logged-in browser or API client. The id travels in the session cookie; the CSRF token must
 * accompany every state-changing request made with that cookie. Thread-safe: the last-access time
 * and the one-shot flash message are atomics; everything else is final.
 */
public final class ConsoleSession {

    private final String id;
    private final String csrfToken;
    private final ConsolePrincipal principal;
    private final AtomicReference<Instant> lastAccess;
    private final AtomicReference<String> flash = new AtomicReference<>();

    ConsoleSession(String id, String csrfToken, ConsolePrincipal principal, Instant now) {
        this.id = id;
        this.csrfToken = csrfToken;
        this.principal = principal;
        this.lastAccess = new AtomicReference<>(now);
    }

    public String id() {
        return id;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public ConsolePrincipal principal() {
        return principal;
    }

    Instant lastAccess() {
        return lastAccess.get();
    }

    void touch(Instant now) {
        lastAccess.set(now);
    }

    /** Leaves a message for the next page this session sees ("Purged 12 messages from ..."). */
    public void flash(String message) {
        flash.set(message);
    }

    /** The flash message, once; null when there is none. */
    public String takeFlash() {
        return flash.getAndSet(null);
    }
}
