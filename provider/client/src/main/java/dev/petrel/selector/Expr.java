package dev.petrel.selector;

import dev.petrel.message.MessageData;

/**
 * A node of a compiled selector's expression tree. Immutable and thread-safe; evaluation allocates
 * nothing except the boxes of arithmetic results and of {@code JMSTimestamp}.
 *
 * <p>A node evaluates either to a value ({@link #value}: Long/Integer/Short/Byte, Double/Float,
 * String, Boolean, or null for SQL NULL) or, in a boolean position, to a {@link Truth}
 * ({@link #truth}). {@link #type()} is what the parser knows statically; an identifier's type is
 * {@link Type#ANY} until a message supplies a value.
 */
abstract class Expr {

    /** The static type of a node, used to reject selectors that can never be well-typed. */
    enum Type {
        NUMBER("a number"), STRING("a string"), BOOLEAN("a boolean"), ANY("any type");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /** Source offsets (0-based, end exclusive) of the text this node was parsed from, for error messages. */
    final int start;
    final int end;
    /** Height of the subtree rooted here; the parser bounds it so evaluation cannot overflow the stack. */
    final int depth;

    Expr(int start, int end, int depth) {
        this.start = start;
        this.end = end;
        this.depth = depth;
    }

    abstract Type type();

    /** What kind of thing this is, for "expected ... but found &lt;kind&gt; &lt;text&gt;" messages. */
    abstract String kind();

    /** The node's value for this message; null is SQL NULL. */
    abstract Object value(MessageData message);

    /** The node's truth in a boolean position; non-boolean values are UNKNOWN. */
    int truth(MessageData message) {
        return Truth.ofValue(value(message));
    }

    /** How this node reads in an error message, e.g. {@code arithmetic expression 'a + 1'}. */
    String describe(String source) {
        return kind() + " '" + source.substring(start, end) + "'";
    }

    /** True for identifiers (the only operands IN, LIKE and IS NULL accept). */
    boolean isIdentifier() {
        return false;
    }

    static int depthOf(Expr... children) {
        int max = 0;
        for (Expr child : children) {
            max = Math.max(max, child.depth);
        }
        return max + 1;
    }

    /** A fully parenthesized rendering of the tree, used by tests to check precedence. */
    @Override
    public abstract String toString();
}
