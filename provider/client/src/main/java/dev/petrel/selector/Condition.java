package dev.petrel.selector;

import dev.petrel.message.MessageData;

/** A node whose value is a truth: comparisons, logical operators, BETWEEN, IN, LIKE, IS NULL. Immutable. */
abstract class Condition extends Expr {

    Condition(int start, int end, int depth) {
        super(start, end, depth);
    }

    @Override
    final Type type() {
        return Type.BOOLEAN;
    }

    @Override
    String kind() {
        return "condition";
    }

    @Override
    abstract int truth(MessageData message);

    @Override
    final Object value(MessageData message) {
        return Truth.toBoolean(truth(message));
    }
}
