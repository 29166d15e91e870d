package dev.petrel.client;

import jakarta.jms.JMSException;

/** Opens a {@link PetrelConnection} on a fresh {@link StubBroker} without going through a transport. Test-only. */
final class StubConnections {

    private StubConnections() {
    }

    static PetrelConnection open(StubBroker broker) throws JMSException {
        return open(broker, null, 10);
    }

    static PetrelConnection open(StubBroker broker, String clientId, int prefetch) throws JMSException {
        PetrelConnection connection = new PetrelConnection(new PetrelConnection.Settings(clientId, prefetch, false));
        broker.handler = connection;
        connection.attach(broker);
        return connection;
    }
}
