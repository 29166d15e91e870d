package dev.petrel.selector;

/**
 * Runtime typing of selector values: which objects are numbers, and comparison with the spec's
 * rules (3.8.1.1): numbers compare after Java numeric promotion, strings and booleans compare only
 * for = and &lt;&gt;, values of unlike types compare FALSE, and NULL makes the comparison UNKNOWN.
 * Stateless.
 */
final class Values {

    static final int NOT_NUMERIC = 0;
    static final int INTEGRAL = 1;
    static final int FLOATING = 2;

    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }

        boolean isOrdering() {
            return this != EQ && this != NE;
        }

        boolean test(int comparison) {
            return switch (this) {
                case EQ -> comparison == 0;
                case NE -> comparison != 0;
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
            };
        }

        boolean test(double left, double right) {
            return switch (this) {
                case EQ -> left == right;
                case NE -> left != right;
                case LT -> left < right;
                case LE -> left <= right;
                case GT -> left > right;
                case GE -> left >= right;
            };
        }
    }

    private Values() {
    }

    /**
     * The numeric kind of a JMS property value: Long/Integer/Short/Byte are integral (promoted to
     * long), Double/Float are floating (promoted to double); anything else is not a number.
     */
    static int numericKind(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return INTEGRAL;
        }
        if (value instanceof Double || value instanceof Float) {
            return FLOATING;
        }
        return NOT_NUMERIC;
    }

    /** The truth of {@code left op right}. */
    static int compare(Object left, Object right, Op op) {
        if (left == null || right == null) {
            return Truth.UNKNOWN;
        }
        int leftKind = numericKind(left);
        int rightKind = numericKind(right);
        if (leftKind != NOT_NUMERIC && rightKind != NOT_NUMERIC) {
            if (leftKind == INTEGRAL && rightKind == INTEGRAL) {
                return Truth.of(op.test(Long.compare(((Number) left).longValue(), ((Number) right).longValue())));
            }
            return Truth.of(op.test(((Number) left).doubleValue(), ((Number) right).doubleValue()));
        }
        if (op.isOrdering()) {
            // Strings and booleans support only = and <>; anything else here is of unlike types.
            return Truth.FALSE;
        }
        if ((left instanceof String && right instanceof String) || (left instanceof Boolean && right instanceof Boolean)) {
            return Truth.of(left.equals(right) == (op == Op.EQ));
        }
        return Truth.FALSE;
    }
}
