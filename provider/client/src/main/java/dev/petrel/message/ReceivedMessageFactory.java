package dev.petrel.message;

import dev.petrel.client.PetrelDestination;

/**
 * Builds the {@link PetrelMessage} a consumer receives from a delivered {@link MessageData}: the
 * subtype its body type calls for, every header, the properties plus {@code JMSXDeliveryCount},
 * {@code JMSRedelivered}, and read-only properties and body. Stateless.
 */
final class ReceivedMessageFactory {
    private ReceivedMessageFactory() {
    }

    static PetrelMessage build(MessageData data, int deliveryCount, boolean redelivered) {
        PetrelMessage message = switch (data.bodyType()) {
            case NONE -> new PetrelMessage();
            case TEXT -> new PetrelTextMessage();
            case BYTES -> new PetrelBytesMessage();
            case MAP -> new PetrelMapMessage();
            case STREAM -> new PetrelStreamMessage();
            case OBJECT -> new PetrelObjectMessage();
        };
        message.setJMSMessageID(data.messageId());
        message.setJMSTimestamp(data.timestamp());
        if (data.correlationIdBytes() != null) {
            message.setJMSCorrelationIDAsBytes(data.correlationIdBytes());
        } else {
            message.setJMSCorrelationID(data.correlationId());
        }
        message.setJMSReplyTo(data.replyTo() == null ? null : PetrelDestination.of(data.replyTo()));
        message.setJMSDestination(PetrelDestination.of(data.destination()));
        message.setJMSDeliveryMode(data.deliveryMode());
        message.setJMSPriority(data.priority());
        message.setJMSExpiration(data.expiration());
        message.setJMSDeliveryTime(data.deliveryTime());
        message.setJMSType(data.type());
        message.setJMSRedelivered(redelivered);
        MessageProperties properties = message.properties();
        properties.putAll(data.properties());
        properties.setByProvider(PropertyNames.JMSX_DELIVERY_COUNT, deliveryCount);
        properties.setReadOnly(true);
        message.loadReceivedBody(data.body());
        message.markBodyReadOnly();
        return message;
    }
}
