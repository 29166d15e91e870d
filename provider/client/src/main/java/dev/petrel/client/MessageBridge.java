package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
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
        throw pending();
    }

    static TextMessage createTextMessage(String text) throws JMSException {
        throw pending();
    }

    static BytesMessage createBytesMessage() {
        throw pending();
    }

    static MapMessage createMapMessage() {
        throw pending();
    }

    static StreamMessage createStreamMessage() {
        throw pending();
    }

    static ObjectMessage createObjectMessage(java.io.Serializable object) throws JMSException {
        throw pending();
    }

    /** The snapshot to send of an application's message (a Petrel message or a foreign one), after its headers were set. */
    static MessageData toData(Message message) throws JMSException {
        throw pending();
    }

    /** A fresh, read-only message for a delivery, acknowledging through {@code session}. */
    static Message fromDelivery(Delivery delivery, PetrelSession session) throws JMSException {
        throw pending();
    }

    public static Queue queue(String name) {
        throw pending();
    }

    public static Topic topic(String name) {
        throw pending();
    }

    static TemporaryQueue temporaryQueue(String name, PetrelConnection owner) {
        throw pending();
    }

    static TemporaryTopic temporaryTopic(String name, PetrelConnection owner) {
        throw pending();
    }

    /** The Petrel destination for a reference (for JMSReplyTo/JMSDestination of received messages). */
    static Destination toDestination(DestinationRef ref) {
        throw pending();
    }

    /**
     * The reference of any destination: a Petrel one, or a foreign {@code Queue}/{@code Topic} by its name.
     *
     * @throws InvalidDestinationException for null, a foreign temporary destination, or an unknown kind
     */
    static DestinationRef toRef(Destination destination) throws JMSException {
        if (destination == null) {
            throw new InvalidDestinationException("destination is null");
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

    private static UnsupportedOperationException pending() {
        return new UnsupportedOperationException("message classes: filled in by the message work");
    }
}
