package dev.petrel.selector;

import dev.petrel.message.MessageData;
import jakarta.jms.InvalidSelectorException;

/**
 * A compiled JMS message selector (the SQL-92 subset of the Jakarta Messaging spec, 3.8.1).
 * Immutable and thread-safe: the broker compiles one per consumer and evaluates it on its dispatch
 * threads.
 */
public final class Selector {

    /**
     * Compiles a selector. A null or blank expression selects every message.
     *
     * @throws InvalidSelectorException naming the position and what was expected there
     */
    public static Selector parse(String expression) throws InvalidSelectorException {
        throw new UnsupportedOperationException("selector: filled in by the selector work");
    }

    /** True when the message satisfies the selector (three-valued logic: UNKNOWN does not select). */
    public boolean matches(MessageData message) {
        throw new UnsupportedOperationException("selector: filled in by the selector work");
    }
}
