package dev.petrel.management;

/**
 * One consumer on a connection.
 *
 * @param id               the broker's id for it
 * @param sessionId        the session it belongs to
 * @param destination      the queue or topic it consumes from
 * @param subscriptionName the subscription's name for a topic consumer on a named subscription, else null
 * @param selector         its selector, or null
 * @param inFlight         messages delivered to it and not yet acknowledged
 */
public record ConsumerInfo(
        String id,
        String sessionId,
        DestinationName destination,
        String subscriptionName,
        String selector,
        int inFlight) {
}
