package dev.petrel.management;

import java.time.Instant;
import java.util.Objects;

/**
 * A record of one management action, handed to {@link BrokerAdmin#audit(AuditEvent)} by whoever
 * performed it (the console), so the broker may keep it with its own records.
 *
 * @param at       when the action finished
 * @param user     who did it
 * @param remote   where the request came from (an address), or null
 * @param action   what was done, a short verb phrase such as {@code purge}, {@code move}, {@code close-connection}
 * @param target   what it was done to ({@link BacklogRef#describe()}, a connection id, ...)
 * @param affected messages (or objects) affected, -1 when not applicable
 * @param outcome  {@code ok}, or the error's message
 */
public record AuditEvent(Instant at, String user, String remote, String action, String target,
                         long affected, String outcome) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }
}
