package dev.petrel.management;

import java.time.Instant;
import java.util.Map;

/**
 * Everything about one waiting message.
 *
 * @param summary      the headers shown in a browse, with the message's handle
 * @param backlog      where it waits
 * @param destination  {@code JMSDestination}: where it was sent (differs from {@code backlog} in a DLQ)
 * @param replyTo      {@code JMSReplyTo}, or null
 * @param deliveryTime {@code JMSDeliveryTime}, or null when it was deliverable at once
 * @param correlationIdBytes {@code JMSCorrelationIDAsBytes} when the producer set bytes, else null
 * @param properties   every property, JMSX and {@code _PTL_} ones included, in stored order;
 *                     values are boxed primitives or String
 * @param body         the body by type
 */
public record MessageDetail(
        MessageSummary summary,
        BacklogRef backlog,
        DestinationName destination,
        DestinationName replyTo,
        Instant deliveryTime,
        byte[] correlationIdBytes,
        Map<String, Object> properties,
        MessageBody body) {

    /** The property in which the broker records where a dead-lettered message was first sent. */
    public static final String ORIGINAL_DESTINATION_PROPERTY = "_PTL_ORIG_DESTINATION";

    public MessageDetail {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}
