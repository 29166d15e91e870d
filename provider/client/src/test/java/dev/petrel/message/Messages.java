package dev.petrel.message;

import dev.petrel.client.PetrelQueue;
import jakarta.jms.JMSException;

/** Test helpers: send-and-receive through a MessageData snapshot and the codec. */
final class Messages {
    private Messages() {
    }

    /** What a consumer gets for this message on its first delivery (through the codec, like the wire). */
    static PetrelMessage received(PetrelMessage message) throws JMSException {
        return received(message, 1, false);
    }

    static PetrelMessage received(PetrelMessage message, int deliveryCount, boolean redelivered) throws JMSException {
        if (message.getJMSDestination() == null) {
            message.setJMSDestination(new PetrelQueue("test.queue"));
        }
        MessageData data = MessageCodec.decode(MessageCodec.encode(message.toData()));
        return PetrelMessage.fromData(data, deliveryCount, redelivered);
    }
}
