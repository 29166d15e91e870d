package dev.petrel.management;

/** The JMS message type, by its body. */
public enum BodyKind {
    /** {@code Message}: no body. */
    NONE,
    TEXT,
    BYTES,
    MAP,
    STREAM,
    OBJECT
}
