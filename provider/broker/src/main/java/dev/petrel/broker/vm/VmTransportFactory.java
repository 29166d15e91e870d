package dev.petrel.broker.vm;

import dev.petrel.broker.Broker;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import jakarta.jms.JMSException;

/**
 * The {@code vm://<name>} transport: connects a client straight to the embedded broker of that name
 * in this JVM (calls, no bytes). Found by {@link java.util.ServiceLoader}. Thread-safe, stateless.
 */
public final class VmTransportFactory implements TransportFactory {

    @Override
    public String scheme() {
        return "vm";
    }

    @Override
    public BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException {
        String name = request.uri().getHost();
        if (name == null) {
            name = request.uri().getAuthority();
        }
        if (name == null || name.isEmpty()) {
            throw new JMSException("URL '" + request.uri() + "' names no broker: use vm://<broker name>");
        }
        Broker broker = VmBrokerRegistry.find(name);
        if (broker == null) {
            throw new JMSException("no embedded broker named '" + name + "' is running in this JVM (URL '" + request.uri() + "')");
        }
        return broker.connect(request, handler);
    }
}
