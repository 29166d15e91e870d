package dev.petrel.broker.server;

import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.Delivery;
import dev.petrel.protocol.wire.Callback;
import dev.petrel.protocol.wire.ErrorPayload;
import jakarta.jms.JMSException;

/**
 * The broker's {@link ClientHandler} for one TCP client: each callback becomes a DELIVER,
 * CONSUMER_CLOSED or CONNECTION_FAILED frame (encoded on the calling broker thread) and is queued on
 * the socket without blocking. Thread-safe.
 */
final class ChannelClientHandler implements ClientHandler {

    private final ServerConnection connection;

    ChannelClientHandler(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public void deliver(Delivery delivery) {
        connection.write(new Callback.Deliver(delivery).toFrame());
    }

    @Override
    public void consumerClosed(long consumerId, JMSException reason) {
        JMSException why = reason != null ? reason : new JMSException("consumer " + consumerId + " closed by the broker");
        connection.write(new Callback.ConsumerClosed(consumerId, ErrorPayload.of(why)).toFrame());
    }

    /** Tells the client why, then closes the socket (and so the broker connection). */
    @Override
    public void connectionFailed(JMSException cause) {
        JMSException why = cause != null ? cause : new JMSException("connection closed by the broker");
        connection.writeAndClose(new Callback.ConnectionFailed(ErrorPayload.of(why)).toFrame());
    }
}
