package dev.petrel.console.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import dev.petrel.console.security.Role;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.DestinationName;
import dev.petrel.management.RetryResult;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.TestMessage;
import jakarta.ws.rs.ForbiddenException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every state-changing management action the console offers, in one place: checks that the actor
 * is an admin, performs the action through {@link BrokerAdmin}, and writes the audit line whether
 * it succeeded or failed. Both the REST API and the HTML pages go through here, so they have the
 * same permissions and the same audit trail. Thread-safe (stateless over a thread-safe admin).
 */
@Singleton
public class AdminActions {

    private final BrokerAdmin admin;
    private final AuditLog audit;

    @Inject
    public AdminActions(BrokerAdmin admin, AuditLog audit) {
        this.admin = admin;
        this.audit = audit;
    }

    public long purge(Actor actor, BacklogRef backlog) {
        return perform(actor, "purge", backlog.describe(), () -> admin.purge(backlog), n -> n);
    }

    public long purgeAllSubscriptions(Actor actor, String topic) {
        return perform(actor, "purge-all-subscriptions", "topic '" + topic + "'",
                () -> admin.purgeAllSubscriptions(topic), n -> n);
    }

    public void deleteMessage(Actor actor, BacklogRef backlog, String id) {
        perform(actor, "delete-message", "message '" + id + "' in " + backlog.describe(), () -> {
            admin.deleteMessage(backlog, id);
            return 1L;
        }, n -> n);
    }

    public long moveMessages(Actor actor, BacklogRef from, List<String> ids, DestinationName to) {
        return perform(actor, "move", ids.size() + " selected messages from " + from.describe() + " to " + to,
                () -> admin.moveMessages(from, ids, to), n -> n);
    }

    public long moveMatching(Actor actor, BacklogRef from, String selector, DestinationName to) {
        String what = selector == null ? "every message" : "messages matching \"" + selector + "\"";
        return perform(actor, "move", what + " from " + from.describe() + " to " + to,
                () -> admin.moveMatching(from, selector, to), n -> n);
    }

    public RetryResult retryDeadLetters(Actor actor, String queue, List<String> ids) {
        String what = ids == null ? "every message" : ids.size() + " selected messages";
        return perform(actor, "retry", what + " in queue '" + queue + "'",
                () -> admin.retryDeadLetters(queue, ids), RetryResult::retried);
    }

    public String sendTestMessage(Actor actor, DestinationName to, TestMessage message) {
        return perform(actor, "send-test-message", to.toString(), () -> admin.sendTestMessage(to, message), id -> 1);
    }

    public void deleteDurableSubscription(Actor actor, SubscriptionRef subscription) {
        perform(actor, "delete-subscription", subscription.describe(), () -> {
            admin.deleteDurableSubscription(subscription);
            return 0L;
        }, n -> n);
    }

    public void closeConnection(Actor actor, String connectionId) {
        perform(actor, "close-connection", "connection '" + connectionId + "'", () -> {
            admin.closeConnection(connectionId);
            return 1L;
        }, n -> n);
    }

    private interface Count<T> {
        long of(T result);
    }

    private <T> T perform(Actor actor, String action, String target, Supplier<T> work, Count<T> affected) {
        if (!actor.principal().has(Role.ADMIN)) {
            RuntimeException denied = new ForbiddenException("user '" + actor.user() + "' may not " + action
                    + ": it needs the admin role");
            audit.failed(actor, action, target, denied);
            throw denied;
        }
        try {
            T result = work.get();
            audit.succeeded(actor, action, target, affected.of(result));
            return result;
        } catch (RuntimeException e) {
            audit.failed(actor, action, target, e);
            throw e;
        }
    }
}
