package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.Objects;

/**
 * A Petrel JMS destination: a kind and a name ({@link #ref()}), value-equal on both, serializable so
 * it can be bound in JNDI or sent in an {@code ObjectMessage}. Queues and topics have a JavaBean
 * no-arg constructor and name setter for administered objects; set the name before use and do not
 * change it after the destination is shared (it is then effectively immutable and safe to share
 * between threads, the name being volatile).
 */
public abstract class PetrelDestination implements Destination, Serializable {
    private static final long serialVersionUID = 1L;

    private final DestinationRef.Kind kind;
    private volatile String name;

    PetrelDestination(DestinationRef.Kind kind, String name) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = checkName(name);
    }

    /** For the JavaBean constructors: the name is set later with the setter. */
    PetrelDestination(DestinationRef.Kind kind) {
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a destination name must not be " + (name == null ? "null" : "blank")
                    + ", was " + (name == null ? "null" : "'" + name + "'"));
        }
        return name;
    }

    void setName(String name) {
        this.name = checkName(name);
    }

    /** The name, or null for a JavaBean-constructed destination whose name is not set yet. */
    public String name() {
        return name;
    }

    public DestinationRef.Kind kind() {
        return kind;
    }

    /** @throws IllegalStateException when the name was never set (JavaBean construction) */
    public DestinationRef ref() {
        String current = name;
        if (current == null) {
            throw new IllegalStateException("the " + kind + " destination has no name: set it before use");
        }
        return new DestinationRef(kind, current);
    }

    /** The Petrel destination for a ref (a temporary one has no owner: it cannot be deleted through it). */
    public static PetrelDestination of(DestinationRef ref) {
        return switch (ref.kind()) {
            case QUEUE -> new PetrelQueue(ref.name());
            case TOPIC -> new PetrelTopic(ref.name());
            case TEMPORARY_QUEUE -> new PetrelTemporaryQueue(ref.name(), null);
            case TEMPORARY_TOPIC -> new PetrelTemporaryTopic(ref.name(), null);
        };
    }

    /**
     * The Petrel form of any destination: itself when it is already one, else built from a foreign
     * {@code Queue}'s or {@code Topic}'s name.
     *
     * @return null for null
     * @throws InvalidDestinationException when it is neither a Queue nor a Topic, or has no usable name
     */
    public static PetrelDestination from(Destination destination) throws JMSException {
        if (destination == null || destination instanceof PetrelDestination) {
            return (PetrelDestination) destination;
        }
        try {
            if (destination instanceof TemporaryQueue q) {
                return new PetrelTemporaryQueue(q.getQueueName(), null);
            }
            if (destination instanceof TemporaryTopic t) {
                return new PetrelTemporaryTopic(t.getTopicName(), null);
            }
            if (destination instanceof Queue q) {
                return new PetrelQueue(q.getQueueName());
            }
            if (destination instanceof Topic t) {
                return new PetrelTopic(t.getTopicName());
            }
        } catch (IllegalArgumentException e) {
            InvalidDestinationException invalid = new InvalidDestinationException(
                    "destination " + destination + " has no usable name: " + e.getMessage());
            invalid.initCause(e);
            throw invalid;
        }
        throw new InvalidDestinationException("destination " + destination + " of class "
                + destination.getClass().getName() + " is neither a Queue nor a Topic");
    }

    /** The ref of any destination ({@link #from}), or null for null. */
    public static DestinationRef refOf(Destination destination) throws JMSException {
        PetrelDestination petrel = from(destination);
        return petrel == null ? null : petrel.ref();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PetrelDestination d && d.kind == kind && Objects.equals(d.name, name);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Objects.hashCode(name);
    }

    @Override
    public String toString() {
        String scheme = switch (kind) {
            case QUEUE -> "queue://";
            case TOPIC -> "topic://";
            case TEMPORARY_QUEUE -> "temp-queue://";
            case TEMPORARY_TOPIC -> "temp-topic://";
        };
        return scheme + name;
    }
}
