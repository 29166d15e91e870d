package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.message.PetrelBytesMessage;
import dev.petrel.message.PetrelMapMessage;
import dev.petrel.message.PetrelMessage;
import dev.petrel.message.PetrelObjectMessage;
import dev.petrel.message.PetrelStreamMessage;
import dev.petrel.message.PetrelTextMessage;
import dev.petrel.protocol.Delivery;
import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * The one place where the JMS API classes meet the message and destination model
 * ({@code dev.petrel.message}, the Petrel destination classes): creating messages, taking the
 * snapshot of a message to send, wrapping a delivery in a message, mapping destinations to
 * {@link DestinationRef}s. Stateless and thread-safe. Public only for {@code dev.petrel.jndi}; not an
 * application API.
 */
public final class MessageBridge {

    private MessageBridge() {
    }

    static Message createMessage() {
        return new PetrelMessage();
    }

    static TextMessage createTextMessage(String text) {
        return new PetrelTextMessage(text);
    }

    static BytesMessage createBytesMessage() {
        return new PetrelBytesMessage();
    }

    static MapMessage createMapMessage() {
        return new PetrelMapMessage();
    }

    static StreamMessage createStreamMessage() {
        return new PetrelStreamMessage();
    }

    static ObjectMessage createObjectMessage(java.io.Serializable object) throws JMSException {
        PetrelObjectMessage message = new PetrelObjectMessage();
        if (object != null) {
            message.setObject(object);
        }
        return message;
    }

    /** The snapshot to send of an application's message (a Petrel message or a foreign one), after its headers were set. */
    static MessageData toData(Message message) throws JMSException {
        PetrelMessage petrel = message instanceof PetrelMessage own ? own : PetrelMessage.copyOf(message);
        return petrel.toData();
    }

    /** A fresh, read-only message for a delivery, acknowledging through {@code session} (none for browsed messages). */
    static Message fromDelivery(Delivery delivery, PetrelSession session) {
        PetrelMessage message = PetrelMessage.fromData(delivery.message(), delivery.deliveryCount(), delivery.redelivered());
        if (session != null) {
            message.setAcknowledger(session::acknowledgeAll);
        }
        return message;
    }

    public static Queue queue(String name) {
        return new PetrelQueue(name);
    }

    public static Topic topic(String name) {
        return new PetrelTopic(name);
    }

    static TemporaryQueue temporaryQueue(String name, PetrelConnection owner) {
        return new PetrelTemporaryQueue(name, owner);
    }

    static TemporaryTopic temporaryTopic(String name, PetrelConnection owner) {
        return new PetrelTemporaryTopic(name, owner);
    }

    /** The Petrel destination for a reference. */
    static Destination toDestination(DestinationRef ref) {
        return PetrelDestination.of(ref);
    }

    /**
     * The reference of any destination: a Petrel one, or a foreign {@code Queue}/{@code Topic} by its name.
     *
     * @throws InvalidDestinationException for null, a foreign temporary destination, a destination
     *                                     without a name, or an unknown kind
     */
    static DestinationRef toRef(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("destination is null");
        }
        if (destination instanceof PetrelDestination petrel) {
            if (petrel.name() == null) {
                throw new InvalidDestinationException("destination " + petrel.kind() + " has no name; set it before use");
            }
            return petrel.ref();
        }
        if (destination instanceof TemporaryQueue || destination instanceof TemporaryTopic) {
            throw new InvalidDestinationException("temporary destination " + destination
                    + " is not a Petrel destination; temporary destinations of other providers cannot be used");
        }
        if (destination instanceof Queue queue) {
            String name = queue.getQueueName();
            checkName(name, "queue");
            return DestinationRef.queue(name);
        }
        if (destination instanceof Topic topic) {
            String name = topic.getTopicName();
            checkName(name, "topic");
            return DestinationRef.topic(name);
        }
        throw new InvalidDestinationException("destination " + destination + " (" + destination.getClass().getName()
                + ") is neither a Queue nor a Topic");
    }

    static void checkName(String name, String kind) throws InvalidDestinationException {
        if (name == null || name.isBlank()) {
            throw new InvalidDestinationException(kind + " name is " + (name == null ? "null" : "blank")
                    + "; a " + kind + " needs a non-blank name");
        }
    }
}
