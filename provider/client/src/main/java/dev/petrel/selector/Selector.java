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
 * <p>Where the spec is silent or loose, this implementation chooses:
 * <ul>
 * <li>arithmetic on a NULL or non-numeric value, and division by zero (integral or floating), yield
 *     NULL, so a comparison using the result is UNKNOWN; integral values (Byte, Short, Integer, Long)
 *     compute in long, and anything with a Float or Double in double;</li>
 * <li>a non-boolean value in a boolean position (e.g. a string property used as {@code flag}) is
 *     UNKNOWN;</li>
 * <li>comparing values of unlike types is FALSE (spec), and so is {@code <}, {@code <=}, {@code >},
 *     {@code >=} between two strings or two booleans found at run time; a comparison whose side is
 *     statically a string or boolean (a literal, a string header, a condition) is rejected at parse
 *     time. {@code =} between unlike literals (e.g. {@code '1' = 1}) parses and is FALSE;</li>
 * <li>BETWEEN, IN and LIKE on a value of the wrong type are FALSE in both their plain and NOT forms
 *     (they are comparisons of unlike types); NULL anywhere in BETWEEN makes it UNKNOWN;</li>
 * <li>IN, LIKE and IS NULL take an identifier on the left, as in the spec's grammar;</li>
 * <li>numbers follow Java literal syntax: {@code 0x} hexadecimal and leading-zero octal integers,
 *     {@code L}, {@code f}, {@code d} suffixes (an {@code f} literal has float precision); underscores
 *     in numbers are not accepted;</li>
 * <li>in a LIKE pattern the escape character makes whatever follows it literal (not only
 *     {@code _}, {@code %} and itself); a pattern ending in its escape character is invalid;</li>
 * <li>nesting deeper than 128 levels is rejected, so neither parsing nor evaluation can overflow
 *     the stack.</li>
 * </ul>
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
