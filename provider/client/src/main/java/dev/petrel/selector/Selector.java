package dev.petrel.selector;

import dev.petrel.message.MessageData;
import jakarta.jms.InvalidSelectorException;

import java.util.Objects;

/**
 * A compiled JMS message selector (the SQL-92 subset of the Jakarta Messaging spec, 3.8.1.1).
 * Immutable and thread-safe: the broker compiles one per consumer and evaluates it on its dispatch
 * threads. Evaluation allocates nothing except for arithmetic results and {@code JMSTimestamp}.
 *
 * <p>Identifiers: the headers JMSDeliveryMode (the strings 'PERSISTENT' / 'NON_PERSISTENT'),
 * JMSPriority, JMSMessageID, JMSTimestamp, JMSCorrelationID and JMSType are read from the message;
 * every other name, including other JMS-prefixed names such as JMSDestination, JMSExpiration or
 * JMSRedelivered (not selectable per the spec) and JMSXDeliveryCount (a delivery attribute, not
 * part of {@link MessageData}), is looked up in the message's properties and is NULL when absent.
 *
 * <p>Where the spec is silent: arithmetic on a NULL or non-numeric value, and division by zero
 * (integral or floating), yield NULL (so the comparison using them is UNKNOWN); a non-boolean value
 * in a boolean position is UNKNOWN; comparing values of unlike types is FALSE, as is {@code <},
 * {@code <=}, {@code >}, {@code >=} between two strings or two booleans found at run time (these
 * are rejected at parse time whenever a side is known to be a string or boolean).
 */
public final class Selector {

    private static final Selector ALL = new Selector(null, null);

    private final String expression;
    private final Expr root;

    private Selector(String expression, Expr root) {
        this.expression = expression;
        this.root = root;
    }

    /**
     * Compiles a selector. A null or blank expression selects every message.
     *
     * @throws InvalidSelectorException naming the column (1-based) and what was expected there
     */
    public static Selector parse(String expression) throws InvalidSelectorException {
        if (expression == null || expression.isBlank()) {
            return ALL;
        }
        return new Selector(expression, Parser.parse(expression));
    }

    /** True when the message satisfies the selector (three-valued logic: UNKNOWN does not select). */
    public boolean matches(MessageData message) {
        Objects.requireNonNull(message, "message");
        return root == null || root.truth(message) == Truth.TRUE;
    }

    /**
     * The selector text as given, or null when this selector selects every message (it was null or
     * blank), as {@code MessageConsumer.getMessageSelector()} reports it.
     */
    public String expression() {
        return expression;
    }

    /** True when the selector was null or blank, so every message matches. */
    public boolean selectsAll() {
        return root == null;
    }

    /** The parsed tree, fully parenthesized (for tests and diagnostics), or "TRUE" when selecting all. */
    String tree() {
        return root == null ? "TRUE" : root.toString();
    }

    /** Selectors are equal when their text is equal (all select-all selectors are equal). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Selector s && Objects.equals(expression, s.expression);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(expression);
    }

    @Override
    public String toString() {
        return expression == null ? "Selector[all messages]" : "Selector[" + expression + "]";
    }
}
