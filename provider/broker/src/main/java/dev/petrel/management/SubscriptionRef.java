package dev.petrel.management;

import java.util.Objects;

/**
 * One subscription's backlog on a topic. {@code subscriptionId} is the broker's id for the
 * subscription, as reported in {@link SubscriptionInfo#id()}: for a durable subscription it is
 * stable across restarts (derived from client id and subscription name, or the name alone when
 * shared); for a non-durable one it lives as long as the subscription. Callers treat it as opaque.
 */
public record SubscriptionRef(String topic, String subscriptionId) implements BacklogRef {

    public SubscriptionRef {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
    }

    @Override
    public String describe() {
        return "subscription '" + subscriptionId + "' of topic '" + topic + "'";
    }
}
