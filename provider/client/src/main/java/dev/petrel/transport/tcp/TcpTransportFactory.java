package dev.petrel.transport.tcp;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import jakarta.jms.JMSException;

/**
 * The {@code tcp://host:port?options} transport (see {@link TcpClientOptions} for the options).
 * Stateless: the connections share the I/O threads of {@link SharedClientEventLoops}. Registered through {@code ServiceLoader}.
 */
public class TcpTransportFactory implements TransportFactory {

    @Override
    public String scheme() {
        return "tcp";
    }

    @Override
    public BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException {
        return TcpBrokerConnection.open(TcpClientOptions.parse(request), request, handler);
    }
}
