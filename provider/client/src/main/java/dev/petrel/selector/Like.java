package dev.petrel.selector;

import dev.petrel.message.MessageData;

/**
 * {@code identifier [NOT] LIKE 'pattern' [ESCAPE 'c']}. A NULL identifier is UNKNOWN (spec); a
 * non-string value is FALSE for both LIKE and NOT LIKE (a comparison of unlike types). Immutable.
 */
final class Like extends Condition {

    private final Expr identifier;
    private final LikePattern pattern;
    private final boolean negated;

    Like(Expr identifier, LikePattern pattern, boolean negated, int end) {
        super(identifier.start, end, depthOf(identifier));
        this.identifier = identifier;
        this.pattern = pattern;
        this.negated = negated;
    }

    @Override
    int truth(MessageData message) {
        Object v = identifier.value(message);
        if (v == null) {
            return Truth.UNKNOWN;
        }
        if (!(v instanceof String s)) {
            return Truth.FALSE;
        }
        return Truth.of(pattern.matches(s) != negated);
    }

    @Override
    public String toString() {
        return "(" + identifier + (negated ? " NOT LIKE " : " LIKE ") + pattern + ")";
    }
}
