package dev.petrel.protocol;

import dev.petrel.transport.ConnectRequest;
import jakarta.jms.JMSException;

/**
 * A broker as its transports' servers see it: where a new client connection is opened. The in-VM
 * transport and the TCP server both open connections through it, so the broker has one way in.
 */
public interface BrokerEndpoint {

    /**
     * Authenticates and opens a connection. {@code request.uri()} says where the client came from
     * (e.g. {@code tcp://127.0.0.1:53122}). Wrong credentials give {@code JMSSecurityException}.
     */
    BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException;
}
