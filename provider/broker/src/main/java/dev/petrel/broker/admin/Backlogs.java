package dev.petrel.broker.admin;

import dev.petrel.broker.ManagedBacklog;
import dev.petrel.broker.ManagementAccess;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.ManagementException;
import dev.petrel.management.QueueRef;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.UnknownDestinationException;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds the backlog a {@link BacklogRef} names, and gives subscriptions their management ids: a
 * durable subscription is {@code clientId:name} (the name alone without a client id), stable across
 * restarts; a non-durable one gets {@code nondurable-<n>} for as long as it lives.
 *
 * <p>Threading: thread-safe (the id map is synchronized; lookups read the broker's snapshots).
 */
final class Backlogs {
    /** How long a management call waits for one command on a destination's executor. */
    static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final ManagementAccess access;
    private final Map<Object, String> nonDurableIds = new WeakHashMap<>();
    private final AtomicLong nonDurableSequence = new AtomicLong();

    Backlogs(ManagementAccess access) {
        this.access = access;
    }

    /** The backlog named, or {@link UnknownDestinationException}. */
    ManagedBacklog resolve(BacklogRef ref) {
        if (ref instanceof QueueRef q) {
            ManagedBacklog backlog = access.queue(q.name());
            if (backlog == null) {
                throw UnknownDestinationException.queue(q.name());
            }
            return backlog;
        }
        SubscriptionRef s = (SubscriptionRef) ref;
        ManagementAccess.TopicView topic = access.topic(s.topic());
        if (topic != null) {
            for (ManagedBacklog sub : topic.subscriptions()) {
                if (idOf(sub).equals(s.subscriptionId())) {
                    return sub;
                }
            }
        }
        throw UnknownDestinationException.subscription(s);
    }

    String idOf(ManagedBacklog subscription) {
        if (subscription.durable()) {
            return subscription.clientId() == null ? subscription.subscriptionName()
                    : subscription.clientId() + ":" + subscription.subscriptionName();
        }
        synchronized (nonDurableIds) {
            return nonDurableIds.computeIfAbsent(subscription.identity(),
                    k -> "nondurable-" + nonDurableSequence.incrementAndGet());
        }
    }

    /** Waits for a command on a destination's executor; its failure becomes a {@link ManagementException}. */
    static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagementException(what + ": interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ManagementException m) {
                throw m;
            }
            throw new ManagementException(what + " failed: " + cause, cause);
        } catch (TimeoutException e) {
            throw new ManagementException(what + ": the broker did not answer within " + COMMAND_TIMEOUT_SECONDS
                    + " s (is it closing?)", e);
        }
    }
}
