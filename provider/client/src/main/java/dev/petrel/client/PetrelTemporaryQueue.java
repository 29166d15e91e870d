package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryQueue;

/**
 * A temporary queue. The instance the creating connection hands out knows its
 * {@link TemporaryDestinationOwner} and can be deleted; one read from a received message's
 * {@code JMSReplyTo} (or deserialized) has no owner and cannot. Equality ignores the owner.
 */
public final class PetrelTemporaryQueue extends PetrelQueue implements TemporaryQueue {
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    /** A temporary queue without an owner: it cannot be deleted through this object. */
    public PetrelTemporaryQueue(String name) {
        this(name, null);
    }

    /**
     * @param owner the creating connection, or null when this object did not come from it
     * @throws IllegalArgumentException when the name is null or blank
     */
    public PetrelTemporaryQueue(String name, TemporaryDestinationOwner owner) {
        super(DestinationRef.Kind.TEMPORARY_QUEUE, name);
        this.owner = owner;
    }

    /** The creating connection, or null. */
    public TemporaryDestinationOwner owner() {
        return owner;
    }

    @Override
    public void setQueueName(String name) {
        throw new UnsupportedOperationException("the name of a temporary queue is fixed");
    }

    /** @throws IllegalStateException when this object does not come from the creating connection */
    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new IllegalStateException("temporary queue '" + name()
                    + "' can be deleted only through the connection that created it");
        }
        owner.deleteTemporaryDestination(this);
    }
}
