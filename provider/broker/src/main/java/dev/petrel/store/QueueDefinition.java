package dev.petrel.store;

/**
 * What a store queue is, as persisted.
 *
 * @param kind             a queue, or a durable subscription of a topic
 * @param name             the queue's name; for a subscription, the topic's name
 * @param clientId         subscriptions: the client id (null for a shared subscription without one)
 * @param subscriptionName subscriptions: the subscription's name
 * @param selector         subscriptions: the selector, or null
 * @param noLocal          subscriptions: noLocal
 * @param shared           subscriptions: shared
 */
public record QueueDefinition(Kind kind, String name, String clientId, String subscriptionName,
                              String selector, boolean noLocal, boolean shared) {

    public enum Kind { QUEUE, DURABLE_SUBSCRIPTION }

    public static QueueDefinition queue(String name) {
        return new QueueDefinition(Kind.QUEUE, name, null, null, null, false, false);
    }
}
