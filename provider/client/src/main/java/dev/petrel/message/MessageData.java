package dev.petrel.message;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of one JMS message as it travels: taken by the client when a message is
 * sent (so the application may change and resend its message object afterwards), held by the broker
 * in queues, written to the store and delivered to consumers, where the client wraps it in a fresh
 * {@code jakarta.jms.Message}. The broker never interprets the body: it is the body encoded by
 * {@link BodyType} (UTF-8 text, raw bytes, Petrel's typed map and stream encodings, Java
 * serialization for object messages — which the broker never deserializes).
 *
 * <p>{@code JMSRedelivered} and {@code JMSXDeliveryCount} are not here: they belong to a delivery,
 * not to the message. Properties hold only the types JMS allows (boxed primitives and String),
 * including JMSX properties such as {@code JMSXGroupID}. Thread-safe: everything is final and the
 * property map is unmodifiable.
 *
 * @param messageId      {@code JMSMessageID} ("ID:..."), or null when the producer disabled ids
 * @param timestamp      {@code JMSTimestamp}, 0 when disabled
 * @param correlationId  {@code JMSCorrelationID} as a string, or null
 * @param correlationIdBytes {@code JMSCorrelationIDAsBytes}, or null (set only when the app used bytes)
 * @param replyTo        {@code JMSReplyTo}, or null
 * @param destination    {@code JMSDestination}
 * @param deliveryMode   {@code DeliveryMode.PERSISTENT} or {@code NON_PERSISTENT}
 * @param priority       0 to 9
 * @param expiration     {@code JMSExpiration}: epoch millis, 0 for never
 * @param deliveryTime   {@code JMSDeliveryTime}: epoch millis before which it must not be delivered
 * @param type           {@code JMSType}, or null
 * @param properties     application and JMSX properties, in insertion order
 * @param bodyType       which body encoding {@code body} holds
 * @param body           the encoded body, or null for no body (a plain message, or an unset body)
 */
public record MessageData(
        String messageId,
        long timestamp,
        String correlationId,
        byte[] correlationIdBytes,
        DestinationRef replyTo,
        DestinationRef destination,
        int deliveryMode,
        int priority,
        long expiration,
        long deliveryTime,
        String type,
        Map<String, Object> properties,
        BodyType bodyType,
        byte[] body) {

    public MessageData {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(bodyType, "bodyType");
        properties = properties == null || properties.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code DeliveryMode.PERSISTENT}. */
    public boolean isPersistent() {
        return deliveryMode == jakarta.jms.DeliveryMode.PERSISTENT;
    }

    /** True when the message has an expiration that has passed at {@code nowMillis}. */
    public boolean isExpiredAt(long nowMillis) {
        return expiration != 0 && expiration <= nowMillis;
    }

    /** A property's value, or null. */
    public Object property(String name) {
        return properties.get(name);
    }

    /** Approximate heap footprint, used by the broker's memory accounting. */
    public int estimatedSize() {
        int size = 200 + (body == null ? 0 : body.length);
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            size += 48 + e.getKey().length() * 2
                    + (e.getValue() instanceof String s ? s.length() * 2 : 16);
        }
        return size;
    }

    /** The same message addressed to another destination (used for DLQ / expiry moves, with properties added). */
    public MessageData withDestinationAndProperties(DestinationRef newDestination, Map<String, Object> extraProperties) {
        Map<String, Object> merged = new LinkedHashMap<>(properties);
        merged.putAll(extraProperties);
        return new MessageData(messageId, timestamp, correlationId, correlationIdBytes, replyTo, newDestination,
                deliveryMode, priority, expiration, deliveryTime, type, merged, bodyType, body);
    }

    /** The same message with a new expiration (a message moved to the expiry queue or DLQ no longer expires). */
    public MessageData withExpiration(long newExpiration) {
        return new MessageData(messageId, timestamp, correlationId, correlationIdBytes, replyTo, destination,
                deliveryMode, priority, newExpiration, deliveryTime, type, properties, bodyType, body);
    }
}
