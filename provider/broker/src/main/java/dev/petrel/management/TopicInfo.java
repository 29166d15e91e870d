package dev.petrel.management;

import java.util.List;

/**
 * One topic and its subscriptions.
 *
 * @param name          the topic's name
 * @param messagesIn    messages published to it since the broker started
 * @param subscriptions its subscriptions, durable and non-durable, ordered by id
 */
public record TopicInfo(String name, long messagesIn, List<SubscriptionInfo> subscriptions) {

    public TopicInfo {
        subscriptions = List.copyOf(subscriptions);
    }

    /** Messages waiting in all its subscriptions together. */
    public long totalBacklog() {
        return subscriptions.stream().mapToLong(SubscriptionInfo::backlog).sum();
    }
}
