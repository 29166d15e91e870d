package dev.petrel.client;

import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.Session;

/**
 * The few client internals XA support needs ({@code dev.petrel.client.xa}, and the resource
 * adapter): a connection's broker connection and a session's id. Not an application API.
 * Stateless.
 */
public final class XaAccess {

    private XaAccess() {
    }

    /** The broker connection of a Petrel connection. */
    public static BrokerConnection broker(Connection connection) {
        return ((PetrelConnection) connection).broker();
    }

    /** A Petrel session's id on its broker connection. */
    public static long sessionId(Session session) {
        return ((PetrelSession) session).id();
    }

    /** The broker connection of a Petrel context. */
    public static BrokerConnection broker(JMSContext context) {
        return ((PetrelJMSContext) context).session().connection().broker();
    }

    /** The id of a Petrel context's session (created now if it was not yet). */
    public static long sessionId(JMSContext context) {
        return ((PetrelJMSContext) context).session().id();
    }
}
