package dev.petrel.broker.server;

import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.Delivery;
import jakarta.jms.JMSException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The client side's {@link ClientHandler} in tests: records every callback. Thread-safe. */
final class RecordingClientHandler implements ClientHandler {

    record ConsumerClosed(long consumerId, JMSException reason) {
    }

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    final List<ConsumerClosed> consumersClosed = new CopyOnWriteArrayList<>();
    final List<JMSException> failures = new CopyOnWriteArrayList<>();

    @Override
    public void deliver(Delivery delivery) {
        deliveries.add(delivery);
    }

    @Override
    public void consumerClosed(long consumerId, JMSException reason) {
        consumersClosed.add(new ConsumerClosed(consumerId, reason));
    }

    @Override
    public void connectionFailed(JMSException cause) {
        failures.add(cause);
    }

    JMSException awaitFailure() {
        Await.until("connectionFailed", () -> !failures.isEmpty());
        return failures.get(0);
    }
}
