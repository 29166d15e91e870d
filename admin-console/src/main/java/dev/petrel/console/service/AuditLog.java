package dev.petrel.console.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import dev.petrel.management.AuditEvent;
import dev.petrel.management.BrokerAdmin;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per management action to the slf4j logger {@code petrel.audit} and hands the
 * same record to {@link BrokerAdmin#audit(AuditEvent)}. Values that came from a request are
 * quoted with control characters replaced, so a crafted name cannot forge log lines. Thread-safe.
 */
@Singleton
public class AuditLog {

    /** The logger audit lines go to; route it to its own file in the logging configuration. */
    public static final String LOGGER_NAME = "petrel.audit";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final BrokerAdmin admin;
    private final Clock clock;

    @Inject
    public AuditLog(BrokerAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** Records an action that completed. */
    public void succeeded(Actor actor, String action, String target, long affected) {
        write(actor, action, target, affected, "ok");
    }

    /** Records an action that failed, with the failure's message. */
    public void failed(Actor actor, String action, String target, RuntimeException failure) {
        write(actor, action, target, -1, "failed: " + failure.getMessage());
    }

    private void write(Actor actor, String action, String target, long affected, String outcome) {
        AuditEvent event = new AuditEvent(clock.instant(), actor.user(), actor.remote(), action, target,
                affected, outcome);
        LOG.info("user={} remote={} action={} target={} affected={} outcome={}",
                quote(event.user()), quote(event.remote()), event.action(), quote(event.target()),
                event.affected(), quote(event.outcome()));
        admin.audit(event);
    }

    static String quote(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
