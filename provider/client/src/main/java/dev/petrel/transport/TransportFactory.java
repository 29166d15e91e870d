package dev.petrel.transport;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import jakarta.jms.JMSException;

/**
 * Opens broker connections for one URL scheme. Found through {@link java.util.ServiceLoader}: the
 * client ships the network transports; the broker module ships the {@code vm} one, so the client
 * reaches an embedded broker without a compile-time dependency on it.
 */
public interface TransportFactory {

    /** The URL scheme this factory serves, e.g. {@code "vm"}. */
    String scheme();

    /**
     * Connects and authenticates. Wrong credentials give {@code JMSSecurityException}; an unreachable
     * broker a {@code JMSException} naming the URL.
     */
    BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException;
}
