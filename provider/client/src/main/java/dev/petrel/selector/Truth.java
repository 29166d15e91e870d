package dev.petrel.selector;

/**
 * SQL three-valued logic encoded as ordered ints so that AND is {@code min}, OR is {@code max} and
 * NOT is {@code TRUE - x}: {@link #FALSE} &lt; {@link #UNKNOWN} &lt; {@link #TRUE}. Stateless.
 */
final class Truth {

    static final int FALSE = 0;
    static final int UNKNOWN = 1;
    static final int TRUE = 2;

    private Truth() {
    }

    static int of(boolean value) {
        return value ? TRUE : FALSE;
    }

    static int not(int truth) {
        return TRUE - truth;
    }

    /** The value a condition has when used as an operand: Boolean.TRUE, Boolean.FALSE or null (no allocation). */
    static Boolean toBoolean(int truth) {
        return switch (truth) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A value in a boolean position: a Boolean is itself, anything else (NULL, a number, a string) is UNKNOWN. */
    static int ofValue(Object value) {
        if (value instanceof Boolean b) {
            return of(b);
        }
        return UNKNOWN;
    }
}
