package dev.petrel.message;

import jakarta.jms.JMSException;

/**
 * What {@code Message.acknowledge()} calls on a received message: set by the consuming session
 * (for CLIENT_ACKNOWLEDGE it acknowledges every message the session consumed so far; for the other
 * modes it does nothing). Called on the application's thread.
 */
@FunctionalInterface
public interface MessageAcknowledger {
    /** @throws jakarta.jms.IllegalStateException when the session is closed */
    void acknowledge() throws JMSException;
}
