package dev.petrel.protocol;

import dev.petrel.message.MessageData;

/**
 * One message delivered to one consumer.
 *
 * @param consumerId    the consumer it is for
 * @param deliveryId    the broker's id of this delivery, used to acknowledge, commit or return it
 * @param message       the message
 * @param deliveryCount {@code JMSXDeliveryCount}: 1 on the first delivery
 * @param redelivered   {@code JMSRedelivered}
 */
public record Delivery(long consumerId, long deliveryId, MessageData message, int deliveryCount, boolean redelivered) {
}
