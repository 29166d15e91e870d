package dev.petrel.broker;

import dev.petrel.message.MessageData;
import dev.petrel.selector.Selector;

import java.util.Objects;

/**
 * What makes a {@link MessageQueue} a topic subscription, and which published messages it takes.
 *
 * @param topic              the topic subscribed to
 * @param clientId           the client id (durable and shared subscriptions; may be null when shared)
 * @param name               the subscription name, null for a plain non-durable consumer
 * @param durable            a durable subscription
 * @param shared             a shared subscription
 * @param selectorText       the selector as given, null for none
 * @param selector           the compiled selector, null for none
 * @param noLocal            skip messages published by the subscriber's own connection
 * @param consumerConnection for a non-durable subscription: the subscriber's connection
 */
record SubscriptionInfo(BrokerTopic topic, String clientId, String name, boolean durable, boolean shared,
                        String selectorText, Selector selector, boolean noLocal,
                        LocalConnection consumerConnection) {

    /** Whether a message published by {@code publisher} belongs on this subscription. */
    boolean accepts(MessageData message, LocalConnection publisher) {
        if (noLocal && publisher != null) {
            if (consumerConnection != null && consumerConnection == publisher) {
                return false;
            }
            if (durable && clientId != null && clientId.equals(publisher.clientId())) {
                return false;
            }
        }
        return selector == null || selector.matches(message);
    }

    boolean sameShape(BrokerTopic otherTopic, String otherSelector, boolean otherNoLocal) {
        return topic == otherTopic && Objects.equals(selectorText, otherSelector) && noLocal == otherNoLocal;
    }

    String describe() {
        String kind = (shared ? "shared " : "") + (durable ? "durable" : "non-durable");
        return kind + " subscription '" + name + "'" + (clientId == null ? "" : " of client id '" + clientId + "'");
    }
}
