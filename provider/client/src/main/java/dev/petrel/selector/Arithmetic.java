package dev.petrel.selector;

import dev.petrel.message.MessageData;

/**
 * Binary {@code + - * /} with Java numeric promotion: two integral operands compute in long
 * (overflow wraps as in Java, integer division truncates), otherwise in double. A NULL or
 * non-numeric operand, or division by zero (integral or floating), yields NULL. Immutable.
 */
final class Arithmetic extends Expr {

    enum Op {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    private final Op op;
    private final Expr left;
    private final Expr right;

    Arithmetic(Op op, Expr left, Expr right) {
        super(left.start, right.end, depthOf(left, right));
        this.op = op;
        this.left = left;
        this.right = right;
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
        Object l = left.value(message);
        int leftKind = Values.numericKind(l);
        if (leftKind == Values.NOT_NUMERIC) {
            return null;
        }
        Object r = right.value(message);
        int rightKind = Values.numericKind(r);
        if (rightKind == Values.NOT_NUMERIC) {
            return null;
        }
        if (leftKind == Values.INTEGRAL && rightKind == Values.INTEGRAL) {
            return integral(((Number) l).longValue(), ((Number) r).longValue());
        }
        return floating(((Number) l).doubleValue(), ((Number) r).doubleValue());
    }

    private Long integral(long a, long b) {
        switch (op) {
            case ADD:
                return Long.valueOf(a + b);
            case SUBTRACT:
                return Long.valueOf(a - b);
            case MULTIPLY:
                return Long.valueOf(a * b);
            default:
                return b == 0 ? null : Long.valueOf(a / b);
        }
    }

    private Double floating(double a, double b) {
        switch (op) {
            case ADD:
                return Double.valueOf(a + b);
            case SUBTRACT:
                return Double.valueOf(a - b);
            case MULTIPLY:
                return Double.valueOf(a * b);
            default:
                return b == 0 ? null : Double.valueOf(a / b);
        }
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
