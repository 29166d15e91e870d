package dev.petrel.client;

import jakarta.jms.JMSException;

/**
 * The connection that created a temporary destination: the only one allowed to delete it. Called by
 * {@link PetrelTemporaryQueue#delete()} and {@link PetrelTemporaryTopic#delete()} on the application's
 * thread.
 */
public interface TemporaryDestinationOwner {
    /** Deletes the temporary destination (fails with a JMSException if it still has consumers). */
    void deleteTemporaryDestination(PetrelDestination destination) throws JMSException;
}
