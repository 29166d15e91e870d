package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.BrokerEndpoint;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.transport.ConnectRequest;
import jakarta.jms.JMSException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only broker: records every connection it opens and every call on it (see
 * {@link RecordingConnection}). The real broker is not on this branch; the lead wires the server to it.
 */
final class RecordingEndpoint implements BrokerEndpoint {

    final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    final List<RecordingConnection> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** When set, connect throws it (e.g. a JMSSecurityException for wrong credentials). */
    volatile JMSException refuseWith;

    @Override
    public BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException {
        requests.add(request);
        JMSException refusal = refuseWith;
        if (refusal != null) {
            throw refusal;
        }
        RecordingConnection connection = new RecordingConnection("conn-" + ids.incrementAndGet(), handler);
        connections.add(connection);
        return connection;
    }

    /** The connection opened n-th (0-based), waiting for it up to 10 s. */
    RecordingConnection connection(int n) {
        Await.until("connection " + n + " opened", () -> connections.size() > n);
        return connections.get(n);
    }
}
