package dev.petrel.selector;

import dev.petrel.message.MessageData;

/**
 * Unary {@code -} or {@code +} applied to a non-constant operand (signs on literals are folded by
 * the parser). A NULL or non-numeric operand yields NULL. Immutable.
 */
final class Sign extends Expr {

    private final boolean negate;
    private final Expr operand;

    Sign(boolean negate, Expr operand, int start) {
        super(start, operand.end, depthOf(operand));
        this.negate = negate;
        this.operand = operand;
    }

    @Override
    Type type() {
        return Type.NUMBER;
    }

    @Override
    String kind() {
        return "arithmetic expression";
    }

    @Override
    Object value(MessageData message) {
        Object v = operand.value(message);
        int kind = Values.numericKind(v);
        if (kind == Values.INTEGRAL) {
            long x = ((Number) v).longValue();
            return Long.valueOf(negate ? -x : x);
        }
        if (kind == Values.FLOATING) {
            double x = ((Number) v).doubleValue();
            return Double.valueOf(negate ? -x : x);
        }
        return null;
    }

    @Override
    public String toString() {
        return "(" + (negate ? "-" : "+") + operand + ")";
    }
}
