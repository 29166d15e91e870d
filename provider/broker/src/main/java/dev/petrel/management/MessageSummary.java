package dev.petrel.management;

import java.time.Instant;

/**
 * One message as listed by a browse: its headers, not its body or properties.
 *
 * @param id            the broker's handle for this message in this backlog (opaque, stable while
 *                      it waits); used for detail, delete, move and retry. Not the JMS message id,
 *                      which may be absent or repeated.
 * @param messageId     {@code JMSMessageID}, or null when the producer disabled ids
 * @param timestamp     {@code JMSTimestamp}, or null when disabled
 * @param correlationId {@code JMSCorrelationID}, or null
 * @param type          {@code JMSType}, or null
 * @param priority      0 to 9
 * @param persistent    {@code DeliveryMode.PERSISTENT}
 * @param expiration    {@code JMSExpiration}, or null for never
 * @param bodyKind      the message type
 * @param bodySize      encoded body size in bytes
 * @param deliveryCount deliveries so far ({@code JMSXDeliveryCount} of the next delivery minus one)
 * @param inFlight      true when delivered to a consumer and not yet acknowledged
 */
public record MessageSummary(
        String id,
        String messageId,
        Instant timestamp,
        String correlationId,
        String type,
        int priority,
        boolean persistent,
        Instant expiration,
        BodyKind bodyKind,
        int bodySize,
        int deliveryCount,
        boolean inFlight) {
}
