package dev.petrel.bench.verify;

/** A scenario's deliveries were wrong: a message lost, delivered twice, reordered or never sent. */
public final class DeliveryCheckException extends Exception {
    public DeliveryCheckException(String message) {
        super(message);
    }
}
