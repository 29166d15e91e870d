package dev.petrel.management;

import java.util.Objects;

/** A queue or topic named as the target of a move or a test message. */
public record DestinationName(Kind kind, String name) {

    /** Queue or topic. */
    public enum Kind { QUEUE, TOPIC }

    public DestinationName {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a destination name must not be blank");
        }
    }

    public static DestinationName queue(String name) {
        return new DestinationName(Kind.QUEUE, name);
    }

    public static DestinationName topic(String name) {
        return new DestinationName(Kind.TOPIC, name);
    }

    @Override
    public String toString() {
        return (kind == Kind.QUEUE ? "queue '" : "topic '") + name + "'";
    }
}
