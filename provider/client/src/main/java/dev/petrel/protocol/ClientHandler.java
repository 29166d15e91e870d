package dev.petrel.protocol;

import jakarta.jms.JMSException;

/**
 * The broker's calls back into a client connection. Implementations must not block: the broker calls
 * them from its dispatch threads (in-VM) or from the transport's reader thread (TCP). A
 * delivery is queued by the client and given to the application later.
 */
public interface ClientHandler {

    /** A message for one of this connection's consumers; uses one credit. */
    void deliver(Delivery delivery);

    /**
     * The broker closed a consumer on its own (its temporary destination was deleted, its durable
     * subscription removed by an administrator, ...).
     */
    void consumerClosed(long consumerId, JMSException reason);

    /** The connection is lost or was closed by the broker; the client reports it to its ExceptionListener. */
    void connectionFailed(JMSException cause);
}
