package dev.petrel.management;

import java.util.Objects;

/** A queue's backlog (dead-letter and expiry queues are ordinary queues). */
public record QueueRef(String name) implements BacklogRef {

    public QueueRef {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String describe() {
        return "queue '" + name + "'";
    }
}
