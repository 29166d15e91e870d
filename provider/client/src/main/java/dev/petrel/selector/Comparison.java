package dev.petrel.selector;

import dev.petrel.message.MessageData;

/** {@code left op right} for = &lt;&gt; &lt; &lt;= &gt; &gt;=, with {@link Values#compare} semantics. Immutable. */
final class Comparison extends Condition {

    private final Values.Op op;
    private final Expr left;
    private final Expr right;

    Comparison(Values.Op op, Expr left, Expr right) {
        super(left.start, right.end, depthOf(left, right));
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    int truth(MessageData message) {
        Object l = left.value(message);
        if (l == null) {
            return Truth.UNKNOWN;
        }
        return Values.compare(l, right.value(message), op);
    }

    @Override
    public String toString() {
        return "(" + left + " " + op.symbol() + " " + right + ")";
    }
}
