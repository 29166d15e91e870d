package dev.petrel.message;

/**
 * The tagged encoding of one JMS value, shared by message properties, map bodies and stream
 * bodies: a tag byte, then the value (big-endian fixed-size primitives, UTF-8 strings and byte
 * arrays with a variable-length length). Properties never hold {@code char} or {@code byte[]}; map
 * and stream bodies may. Stateless.
 */
final class TypedValueCodec {
    static final byte NULL = 0;
    static final byte BOOLEAN = 1;
    static final byte BYTE = 2;
    static final byte SHORT = 3;
    static final byte CHAR = 4;
    static final byte INT = 5;
    static final byte LONG = 6;
    static final byte FLOAT = 7;
    static final byte DOUBLE = 8;
    static final byte STRING = 9;
    static final byte BYTES = 10;

    private TypedValueCodec() {
    }

    /** True for the value types a JMS property may hold (null, boxed primitives except Character, String). */
    static boolean isPropertyType(Object value) {
        return value == null || value instanceof Boolean || value instanceof Byte || value instanceof Short
                || value instanceof Integer || value instanceof Long || value instanceof Float
                || value instanceof Double || value instanceof String;
    }

    /** True for the value types a map or stream body may hold: property types plus Character and byte[]. */
    static boolean isBodyType(Object value) {
        return isPropertyType(value) || value instanceof Character || value instanceof byte[];
    }

    static void write(ByteWriter out, Object value) {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            out.writeString(s);
        } else if (value instanceof Integer i) {
            out.writeByte(INT);
            out.writeInt(i);
        } else if (value instanceof Long l) {
            out.writeByte(LONG);
            out.writeLong(l);
        } else if (value instanceof Boolean b) {
            out.writeByte(BOOLEAN);
            out.writeBoolean(b);
        } else if (value instanceof Byte b) {
            out.writeByte(BYTE);
            out.writeByte(b);
        } else if (value instanceof Short s) {
            out.writeByte(SHORT);
            out.writeShort(s);
        } else if (value instanceof Character c) {
            out.writeByte(CHAR);
            out.writeShort(c);
        } else if (value instanceof Float f) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToRawIntBits(f));
        } else if (value instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits(d));
        } else if (value instanceof byte[] bytes) {
            out.writeByte(BYTES);
            out.writeBytes(bytes);
        } else {
            throw new IllegalArgumentException("cannot encode a value of type " + value.getClass().getName()
                    + ": only null, boxed primitives, String and byte[] are JMS values");
        }
    }

    /**
     * Reads one tagged value.
     *
     * @param allowBodyTypes whether {@code char} and {@code byte[]} are allowed (bodies) or not (properties)
     */
    static Object read(ByteReader in, String field, boolean allowBodyTypes) {
        int at = in.position();
        byte tag = in.readByte(field + " type tag");
        return switch (tag) {
            case NULL -> null;
            case BOOLEAN -> in.readBoolean(field);
            case BYTE -> in.readByte(field);
            case SHORT -> in.readShort(field);
            case INT -> in.readInt(field);
            case LONG -> in.readLong(field);
            case FLOAT -> Float.intBitsToFloat(in.readInt(field));
            case DOUBLE -> Double.longBitsToDouble(in.readLong(field));
            case STRING -> in.readString(field);
            case CHAR -> {
                if (!allowBodyTypes) {
                    throw in.malformed(at, field + " has type tag char, which a property cannot hold");
                }
                yield (char) in.readShort(field);
            }
            case BYTES -> {
                if (!allowBodyTypes) {
                    throw in.malformed(at, field + " has type tag byte[], which a property cannot hold");
                }
                yield in.readBytes(field);
            }
            default -> throw in.malformed(at, field + " has unknown type tag " + tag + " (known: 0 to 10)");
        };
    }
}
