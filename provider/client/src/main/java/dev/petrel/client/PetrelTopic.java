package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.Topic;

/** A JMS topic by name. See {@link PetrelDestination} for equality and threading. */
public class PetrelTopic extends PetrelDestination implements Topic {
    private static final long serialVersionUID = 1L;

    /** JavaBean constructor for administered objects: call {@link #setTopicName} before use. */
    public PetrelTopic() {
        super(DestinationRef.Kind.TOPIC);
    }

    /** @throws IllegalArgumentException when the name is null or blank */
    public PetrelTopic(String name) {
        super(DestinationRef.Kind.TOPIC, name);
    }

    PetrelTopic(DestinationRef.Kind kind, String name) {
        super(kind, name);
    }

    @Override
    public String getTopicName() {
        return name();
    }

    /** @throws IllegalArgumentException when the name is null or blank */
    public void setTopicName(String name) {
        setName(name);
    }
}
