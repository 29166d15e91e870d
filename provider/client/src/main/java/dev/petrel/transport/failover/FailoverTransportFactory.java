package dev.petrel.transport.failover;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.transport.BrokerUrl;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import jakarta.jms.JMSException;

/**
 * The {@code failover:(url1,url2,...)?options} transport (options: {@link FailoverOptions}). The
 * request's URI is the composite URL without its options; each member is opened through the
 * transport of its own scheme with its own options. Stateless. Registered through {@code ServiceLoader}.
 */
public class FailoverTransportFactory implements TransportFactory {

    @Override
    public String scheme() {
        return "failover";
    }

    @Override
    public BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException {
        BrokerUrl url = BrokerUrl.parse(request.uri().toString());
        if (!url.isComposite()) {
            throw new JMSException("failover URL '" + request.uri() + "' lists no member URLs; expected failover:(tcp://a:1,tcp://b:2)");
        }
        FailoverOptions options = FailoverOptions.parse(request.options());
        MemberConnector connector = new MemberConnector(url.members(), options, request.username(), request.password());
        return FailoverBrokerConnection.open(connector, options, handler);
    }
}
