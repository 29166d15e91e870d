package dev.petrel.management;

import java.time.Duration;

/**
 * One subscription of a topic.
 *
 * @param id               the broker's id for it; with the topic it makes a {@link SubscriptionRef}
 * @param topic            the topic it subscribes to
 * @param subscriptionName the JMS subscription name, or null for an unshared non-durable subscription
 * @param clientId         the client id it belongs to, or null (shared subscriptions, or none set)
 * @param durable          true for a durable subscription (kept while no consumer is attached)
 * @param shared           true for a shared subscription (several consumers split its messages)
 * @param selector         its message selector, or null
 * @param noLocal          true when it ignores messages published on its own connection
 * @param consumers        consumers attached now (0 for an offline durable subscriber)
 * @param backlog          messages waiting for it, including those in flight
 * @param oldestMessageAge age of its oldest waiting message, or null when the backlog is empty
 * @param paging           true when its backlog is read from the store
 */
public record SubscriptionInfo(
        String id,
        String topic,
        String subscriptionName,
        String clientId,
        boolean durable,
        boolean shared,
        String selector,
        boolean noLocal,
        int consumers,
        long backlog,
        Duration oldestMessageAge,
        boolean paging) {

    /** The reference to browse, purge or delete this subscription. */
    public SubscriptionRef ref() {
        return new SubscriptionRef(topic, id);
    }
}
