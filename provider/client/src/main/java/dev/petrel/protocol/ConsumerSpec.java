package dev.petrel.protocol;

import dev.petrel.message.DestinationRef;

/**
 * What a consumer consumes.
 *
 * @param destination      queue or topic (temporary ones included)
 * @param selector         message selector, or null/empty for all
 * @param noLocal          on a topic: skip messages published by this connection
 * @param subscriptionName null for a plain consumer; the name for durable and shared subscriptions
 * @param durable          a durable subscription (with {@code subscriptionName})
 * @param shared           a shared subscription (with {@code subscriptionName}), durable or not
 * @param prefetch         initial credit: how many messages the broker may deliver ahead
 */
public record ConsumerSpec(DestinationRef destination, String selector, boolean noLocal,
                           String subscriptionName, boolean durable, boolean shared, int prefetch) {
}
