package dev.petrel.selector;

import dev.petrel.message.MessageData;

/** {@code identifier IS [NOT] NULL}: never UNKNOWN. Immutable. */
final class IsNull extends Condition {

    private final Expr identifier;
    private final boolean negated;

    IsNull(Expr identifier, boolean negated, int end) {
        super(identifier.start, end, depthOf(identifier));
        this.identifier = identifier;
        this.negated = negated;
    }

    @Override
    int truth(MessageData message) {
        return Truth.of((identifier.value(message) == null) != negated);
    }

    @Override
    public String toString() {
        return "(" + identifier + (negated ? " IS NOT NULL)" : " IS NULL)");
    }
}
