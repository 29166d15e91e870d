package dev.petrel.selector;

import dev.petrel.message.MessageData;

/** A constant: a Long, a Double, a String or a Boolean, boxed once at parse time. Immutable. */
final class Literal extends Expr {

    private final Object value;
    private final Type type;

    Literal(Object value, int start, int end) {
        super(start, end, 1);
        this.value = value;
        if (value instanceof String) {
            type = Type.STRING;
        } else if (value instanceof Boolean) {
            type = Type.BOOLEAN;
        } else {
            type = Type.NUMBER;
        }
    }

    Object constant() {
        return value;
    }

    @Override
    Type type() {
        return type;
    }

    @Override
    String kind() {
        return switch (type) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            default -> "number";
        };
    }

    @Override
    String describe(String source) {
        return kind() + " " + source.substring(start, end);
    }

    @Override
    Object value(MessageData message) {
        return value;
    }

    @Override
    public String toString() {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return value.toString();
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
