package dev.petrel.message;

import jakarta.jms.MessageFormatException;

/**
 * The JMS value conversion tables (Jakarta Messaging 3.1, sections 3.5.4 for properties and 3.11.3
 * for map and stream bodies): which stored type may be read as which requested type. A String is
 * parsed with the target type's {@code valueOf}; a missing (null) value behaves like
 * {@code valueOf(null)}: false for boolean, {@link NumberFormatException} for the integral types,
 * {@link NullPointerException} for float, double and char, null for String and byte[]. Any other
 * combination is a {@link MessageFormatException}. Stateless.
 */
final class TypeConversions {
    private TypeConversions() {
    }

    private static MessageFormatException cannot(String what, Object value, String target) {
        return new MessageFormatException("cannot read " + what + " of type " + value.getClass().getSimpleName()
                + " as " + target);
    }

    static boolean toBoolean(Object value, String what) throws MessageFormatException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Boolean.parseBoolean((String) value);
        }
        throw cannot(what, value, "boolean");
    }

    static byte toByte(Object value, String what) throws MessageFormatException {
        if (value instanceof Byte b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Byte.parseByte((String) value);
        }
        throw cannot(what, value, "byte");
    }

    static short toShort(Object value, String what) throws MessageFormatException {
        if (value instanceof Short s) {
            return s;
        }
        if (value instanceof Byte b) {
            return b;
        }
        if (value == null || value instanceof String) {
            return Short.parseShort((String) value);
        }
        throw cannot(what, value, "short");
    }

    static char toChar(Object value, String what) throws MessageFormatException {
        if (value instanceof Character c) {
            return c;
        }
        if (value == null) {
            throw new NullPointerException(what + " is null and cannot be read as a char");
        }
        throw cannot(what, value, "char");
    }

    static int toInt(Object value, String what) throws MessageFormatException {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value == null || value instanceof String) {
            return Integer.parseInt((String) value);
        }
        throw cannot(what, value, "int");
    }

    static long toLong(Object value, String what) throws MessageFormatException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value == null || value instanceof String) {
            return Long.parseLong((String) value);
        }
        throw cannot(what, value, "long");
    }

    static float toFloat(Object value, String what) throws MessageFormatException {
        if (value instanceof Float f) {
            return f;
        }
        if (value == null || value instanceof String) {
            return Float.parseFloat((String) value);
        }
        throw cannot(what, value, "float");
    }

    static double toDouble(Object value, String what) throws MessageFormatException {
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value == null || value instanceof String) {
            return Double.parseDouble((String) value);
        }
        throw cannot(what, value, "double");
    }

    static String toText(Object value, String what) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            throw cannot(what, value, "String");
        }
        return value.toString();
    }

    static byte[] toBytes(Object value, String what) throws MessageFormatException {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return bytes.clone();
        }
        throw cannot(what, value, "byte[]");
    }
}
