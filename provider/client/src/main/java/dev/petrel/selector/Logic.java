package dev.petrel.selector;

import dev.petrel.message.MessageData;

import java.util.List;

/**
 * The logical operators with SQL three-valued truth tables. AND and OR are n-ary (a chain of
 * {@code a OR b OR c ...} is one node, so long generated selectors stay shallow) and short-circuit.
 * Immutable.
 */
final class Logic {

    private Logic() {
    }

    /** {@code a AND b AND ...}: FALSE if any operand is FALSE, else UNKNOWN if any is UNKNOWN, else TRUE. */
    static final class And extends Condition {
        private final Expr[] operands;

        And(List<Expr> operands) {
            super(operands.get(0).start, operands.get(operands.size() - 1).end,
                    depthOf(operands.toArray(Expr[]::new)));
            this.operands = operands.toArray(Expr[]::new);
        }

        @Override
        int truth(MessageData message) {
            int result = Truth.TRUE;
            for (Expr operand : operands) {
                result = Math.min(result, operand.truth(message));
                if (result == Truth.FALSE) {
                    return Truth.FALSE;
                }
            }
            return result;
        }

        @Override
        public String toString() {
            return join(operands, " AND ");
        }
    }

    /** {@code a OR b OR ...}: TRUE if any operand is TRUE, else UNKNOWN if any is UNKNOWN, else FALSE. */
    static final class Or extends Condition {
        private final Expr[] operands;

        Or(List<Expr> operands) {
            super(operands.get(0).start, operands.get(operands.size() - 1).end,
                    depthOf(operands.toArray(Expr[]::new)));
            this.operands = operands.toArray(Expr[]::new);
        }

        @Override
        int truth(MessageData message) {
            int result = Truth.FALSE;
            for (Expr operand : operands) {
                result = Math.max(result, operand.truth(message));
                if (result == Truth.TRUE) {
                    return Truth.TRUE;
                }
            }
            return result;
        }

        @Override
        public String toString() {
            return join(operands, " OR ");
        }
    }

    /** {@code NOT a}: swaps TRUE and FALSE, keeps UNKNOWN. */
    static final class Not extends Condition {
        private final Expr operand;

        Not(Expr operand, int start) {
            super(start, operand.end, depthOf(operand));
            this.operand = operand;
        }

        @Override
        int truth(MessageData message) {
            return Truth.not(operand.truth(message));
        }

        @Override
        public String toString() {
            return "(NOT " + operand + ")";
        }
    }

    private static String join(Expr[] operands, String separator) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < operands.length; i++) {
            if (i > 0) {
                text.append(separator);
            }
            text.append(operands[i]);
        }
        return text.append(')').toString();
    }
}
