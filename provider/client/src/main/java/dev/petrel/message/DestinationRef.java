package dev.petrel.message;

import java.util.Objects;

/**
 * A destination as the client and the broker name it: its kind and its name. Immutable and
 * value-equal, so it is used as a map key on both sides. The JMS {@code Destination} objects the
 * application sees wrap one of these.
 */
public record DestinationRef(Kind kind, String name) {

    /** The four kinds of JMS destination. */
    public enum Kind {
        QUEUE, TOPIC, TEMPORARY_QUEUE, TEMPORARY_TOPIC;

        /** Queues and temporary queues deliver each message to one consumer. */
        public boolean isQueueLike() {
            return this == QUEUE || this == TEMPORARY_QUEUE;
        }

        public boolean isTemporary() {
            return this == TEMPORARY_QUEUE || this == TEMPORARY_TOPIC;
        }
    }

    public DestinationRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static DestinationRef queue(String name) {
        return new DestinationRef(Kind.QUEUE, name);
    }

    public static DestinationRef topic(String name) {
        return new DestinationRef(Kind.TOPIC, name);
    }

    public boolean isQueueLike() {
        return kind.isQueueLike();
    }

    public boolean isTemporary() {
        return kind.isTemporary();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case QUEUE -> "queue '" + name + "'";
            case TOPIC -> "topic '" + name + "'";
            case TEMPORARY_QUEUE -> "temporary queue '" + name + "'";
            case TEMPORARY_TOPIC -> "temporary topic '" + name + "'";
        };
    }
}
