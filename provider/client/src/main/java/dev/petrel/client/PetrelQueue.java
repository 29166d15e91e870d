package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.Queue;

/** A JMS queue by name. See {@link PetrelDestination} for equality and threading. */
public class PetrelQueue extends PetrelDestination implements Queue {
    private static final long serialVersionUID = 1L;

    /** JavaBean constructor for administered objects: call {@link #setQueueName} before use. */
    public PetrelQueue() {
        super(DestinationRef.Kind.QUEUE);
    }

    /** @throws IllegalArgumentException when the name is null or blank */
    public PetrelQueue(String name) {
        super(DestinationRef.Kind.QUEUE, name);
    }

    PetrelQueue(DestinationRef.Kind kind, String name) {
        super(kind, name);
    }

    @Override
    public String getQueueName() {
        return name();
    }

    /** @throws IllegalArgumentException when the name is null or blank */
    public void setQueueName(String name) {
        setName(name);
    }
}
