package dev.petrel.client;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test-only transport for the {@code petrel-stub} scheme, registered through ServiceLoader in the
 * test resources: connects to a fresh {@link StubBroker} and remembers it (and the request) under
 * the URL's authority, so a test can reach the broker its connection got.
 */
public final class StubTransportFactory implements TransportFactory {

    static final String SCHEME = "petrel-stub";
    static final Map<String, StubBroker> BROKERS = new ConcurrentHashMap<>();
    static final Map<String, ConnectRequest> REQUESTS = new ConcurrentHashMap<>();

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public BrokerConnection connect(ConnectRequest request, ClientHandler handler) {
        StubBroker broker = new StubBroker();
        broker.handler = handler;
        BROKERS.put(request.uri().getAuthority(), broker);
        REQUESTS.put(request.uri().getAuthority(), request);
        return broker;
    }
}
