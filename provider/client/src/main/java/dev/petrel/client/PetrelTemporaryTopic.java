package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/**
 * A temporary topic. The instance the creating connection hands out knows its
 * {@link TemporaryDestinationOwner} and can be deleted; one read from a received message's
 * {@code JMSReplyTo} (or deserialized) has no owner and cannot. Equality ignores the owner.
 */
public final class PetrelTemporaryTopic extends PetrelTopic implements TemporaryTopic {
    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    /** A temporary topic without an owner: it cannot be deleted through this object. */
    public PetrelTemporaryTopic(String name) {
        this(name, null);
    }

    /**
     * @param owner the creating connection, or null when this object did not come from it
     * @throws IllegalArgumentException when the name is null or blank
     */
    public PetrelTemporaryTopic(String name, TemporaryDestinationOwner owner) {
        super(DestinationRef.Kind.TEMPORARY_TOPIC, name);
        this.owner = owner;
    }

    /** The creating connection, or null. */
    public TemporaryDestinationOwner owner() {
        return owner;
    }

    @Override
    public void setTopicName(String name) {
        throw new UnsupportedOperationException("the name of a temporary topic is fixed");
    }

    /** @throws IllegalStateException when this object does not come from the creating connection */
    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new IllegalStateException("temporary topic '" + name()
                    + "' can be deleted only through the connection that created it");
        }
        owner.deleteTemporaryDestination(this);
    }
}
