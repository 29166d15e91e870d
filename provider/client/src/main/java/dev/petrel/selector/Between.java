package dev.petrel.selector;

import dev.petrel.message.MessageData;

/**
 * {@code x [NOT] BETWEEN low AND high}. NULL in any of the three makes it UNKNOWN (spec). Otherwise
 * it is {@code x >= low AND x <= high}, and NOT BETWEEN is {@code x < low OR x > high}, both with
 * {@link Values#compare} semantics, so a non-numeric x is FALSE for both forms. Immutable.
 */
final class Between extends Condition {

    private final Expr value;
    private final Expr low;
    private final Expr high;
    private final boolean negated;

    Between(Expr value, Expr low, Expr high, boolean negated) {
        super(value.start, high.end, depthOf(value, low, high));
        this.value = value;
        this.low = low;
        this.high = high;
        this.negated = negated;
    }

    @Override
    int truth(MessageData message) {
        Object v = value.value(message);
        if (v == null) {
            return Truth.UNKNOWN;
        }
        Object lo = low.value(message);
        if (lo == null) {
            return Truth.UNKNOWN;
        }
        Object hi = high.value(message);
        if (hi == null) {
            return Truth.UNKNOWN;
        }
        if (negated) {
            return Math.max(Values.compare(v, lo, Values.Op.LT), Values.compare(v, hi, Values.Op.GT));
        }
        return Math.min(Values.compare(v, lo, Values.Op.GE), Values.compare(v, hi, Values.Op.LE));
    }

    @Override
    public String toString() {
        return "(" + value + (negated ? " NOT BETWEEN " : " BETWEEN ") + low + " AND " + high + ")";
    }
}
