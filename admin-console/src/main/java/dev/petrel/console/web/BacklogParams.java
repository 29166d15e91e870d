package dev.petrel.console.web;

import dev.petrel.management.BacklogRef;
import dev.petrel.management.QueueRef;
import dev.petrel.management.SubscriptionRef;

/** Reads a backlog from page parameters: {@code queue=name}, or {@code topic=name&sub=id}. */
final class BacklogParams {

    private BacklogParams() {
    }

    static BacklogRef of(String queue, String topic, String sub) {
        boolean isQueue = queue != null && !queue.isEmpty();
        boolean isSubscription = topic != null && !topic.isEmpty() && sub != null && !sub.isEmpty();
        if (isQueue == isSubscription) {
            throw new IllegalArgumentException("name a queue (queue=...) or a subscription (topic=...&sub=...)");
        }
        return isQueue ? new QueueRef(queue) : new SubscriptionRef(topic, sub);
    }

    /** Where to go back to after changing a backlog: its listing page. */
    static String listing(BacklogRef backlog) {
        return backlog instanceof QueueRef ? "/queues" : "/topics";
    }
}
