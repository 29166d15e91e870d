package dev.petrel.tck.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.StreamMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Jakarta Messaging 3.1 §3.5.4 (property conversions) and §3.11.3 (MapMessage and StreamMessage
 * conversions): a value written as one type reads as every type the table allows, with the
 * Java conversion, and reading it as any other type throws {@link MessageFormatException}; a null
 * read as a primitive behaves like that primitive's {@code valueOf(null)}.
 * Every value makes a trip through a queue before it is read.
 */
class ConversionTableTest extends MessageTestSupport {

    /** The types of the conversion tables. Properties have no CHAR and no BYTES. */
    enum Type { BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE, STRING, BYTES }

    private static final Set<Type> PROPERTY_TYPES = EnumSet.complementOf(EnumSet.of(Type.CHAR, Type.BYTES));

    /** Which read types a written type converts to (the "X" cells of the tables). */
    static Set<Type> allowedReads(Type written, boolean property) {
        Set<Type> allowed;
        switch (written) {
            case BOOLEAN: allowed = EnumSet.of(Type.BOOLEAN, Type.STRING); break;
            case BYTE: allowed = EnumSet.of(Type.BYTE, Type.SHORT, Type.INT, Type.LONG, Type.STRING); break;
            case SHORT: allowed = EnumSet.of(Type.SHORT, Type.INT, Type.LONG, Type.STRING); break;
            case CHAR: allowed = EnumSet.of(Type.CHAR, Type.STRING); break;
            case INT: allowed = EnumSet.of(Type.INT, Type.LONG, Type.STRING); break;
            case LONG: allowed = EnumSet.of(Type.LONG, Type.STRING); break;
            case FLOAT: allowed = EnumSet.of(Type.FLOAT, Type.DOUBLE, Type.STRING); break;
            case DOUBLE: allowed = EnumSet.of(Type.DOUBLE, Type.STRING); break;
            case STRING: allowed = EnumSet.of(Type.BOOLEAN, Type.BYTE, Type.SHORT, Type.INT, Type.LONG,
                    Type.FLOAT, Type.DOUBLE, Type.STRING); break;
            case BYTES: allowed = EnumSet.of(Type.BYTES); break;
            default: throw new IllegalArgumentException("unknown type " + written);
        }
        if (property) {
            allowed.retainAll(PROPERTY_TYPES);
        }
        return allowed;
    }

    /** The value written as {@code written}; a String source holds text that parses as {@code read}. */
    static Object source(Type written, Type read) {
        switch (written) {
            case BOOLEAN: return Boolean.TRUE;
            case BYTE: return (byte) 12;
            case SHORT: return (short) 1234;
            case CHAR: return 'x';
            case INT: return 123456;
            case LONG: return 1234567890123L;
            case FLOAT: return 1.5f;
            case DOUBLE: return 2.5d;
            case BYTES: return new byte[] {1, 2, 3};
            case STRING:
                switch (read) {
                    case BOOLEAN: return "true";
                    case BYTE: return "12";
                    case SHORT: return "1234";
                    case INT: return "123456";
                    case LONG: return "1234567890123";
                    case FLOAT: return "1.5";
                    case DOUBLE: return "2.5";
                    default: return "text";
                }
            default: throw new IllegalArgumentException("unknown type " + written);
        }
    }

    /** The value a permitted read returns: the Java widening or String conversion of the source. */
    static Object expected(Type written, Type read) {
        Object v = source(written, read);
        if (read == Type.STRING) {
            return String.valueOf(v);
        }
        if (v instanceof String) {
            String s = (String) v;
            switch (read) {
                case BOOLEAN: return Boolean.valueOf(s);
                case BYTE: return Byte.valueOf(s);
                case SHORT: return Short.valueOf(s);
                case INT: return Integer.valueOf(s);
                case LONG: return Long.valueOf(s);
                case FLOAT: return Float.valueOf(s);
                case DOUBLE: return Double.valueOf(s);
                default: throw new IllegalArgumentException("no conversion of a String to " + read);
            }
        }
        if (v instanceof Number) {
            Number n = (Number) v;
            switch (read) {
                case BYTE: return n.byteValue();
                case SHORT: return n.shortValue();
                case INT: return n.intValue();
                case LONG: return n.longValue();
                case FLOAT: return n.floatValue();
                case DOUBLE: return n.doubleValue();
                default: break;
            }
        }
        return v;
    }

    private interface Reader {
        Object read(Type type) throws JMSException;
    }

    private static void assertConversions(Type written, boolean property, Reader reader) throws JMSException {
        Set<Type> allowed = allowedReads(written, property);
        for (Type read : Type.values()) {
            if (property && !PROPERTY_TYPES.contains(read)) {
                continue;
            }
            String cell = written + " read as " + read;
            if (allowed.contains(read)) {
                Object got = reader.read(read);
                if (read == Type.BYTES) {
                    assertArrayEquals((byte[]) expected(written, read), (byte[]) got, cell);
                } else {
                    assertEquals(expected(written, read), got, cell);
                }
            } else {
                assertThrows(MessageFormatException.class, () -> reader.read(read), cell);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Type.class, names = {"CHAR", "BYTES"}, mode = EnumSource.Mode.EXCLUDE)
    void propertyConversionsFollowTheTable(Type written) throws JMSException {
        Message m = session.createMessage();
        for (Type read : PROPERTY_TYPES) {
            m.setObjectProperty("v_" + read, source(written, read));
        }
        Message r = roundTrip(m);
        assertConversions(written, true, read -> {
            String name = "v_" + read;
            switch (read) {
                case BOOLEAN: return r.getBooleanProperty(name);
                case BYTE: return r.getByteProperty(name);
                case SHORT: return r.getShortProperty(name);
                case INT: return r.getIntProperty(name);
                case LONG: return r.getLongProperty(name);
                case FLOAT: return r.getFloatProperty(name);
                case DOUBLE: return r.getDoubleProperty(name);
                case STRING: return r.getStringProperty(name);
                default: throw new IllegalArgumentException("properties have no " + read);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Type.class)
    void mapMessageConversionsFollowTheTable(Type written) throws JMSException {
        MapMessage m = session.createMapMessage();
        for (Type read : Type.values()) {
            m.setObject("v_" + read, source(written, read));
        }
        MapMessage r = roundTrip(m);
        assertConversions(written, false, read -> {
            String name = "v_" + read;
            switch (read) {
                case BOOLEAN: return r.getBoolean(name);
                case BYTE: return r.getByte(name);
                case SHORT: return r.getShort(name);
                case CHAR: return r.getChar(name);
                case INT: return r.getInt(name);
                case LONG: return r.getLong(name);
                case FLOAT: return r.getFloat(name);
                case DOUBLE: return r.getDouble(name);
                case STRING: return r.getString(name);
                case BYTES: return r.getBytes(name);
                default: throw new IllegalArgumentException("unknown type " + read);
            }
        });
    }

    /**
     * A StreamMessage holds one field per read type (in {@link Type} order); each read starts from
     * {@code reset()} and skips to its own field, so a failed conversion cannot disturb the next cell.
     */
    @ParameterizedTest
    @EnumSource(Type.class)
    void streamMessageConversionsFollowTheTable(Type written) throws JMSException {
        StreamMessage m = session.createStreamMessage();
        for (Type read : Type.values()) {
            m.writeObject(source(written, read));
        }
        StreamMessage r = roundTrip(m);
        assertConversions(written, false, read -> {
            r.reset();
            for (int skip = 0; skip < read.ordinal(); skip++) {
                r.readObject();
            }
            switch (read) {
                case BOOLEAN: return r.readBoolean();
                case BYTE: return r.readByte();
                case SHORT: return r.readShort();
                case CHAR: return r.readChar();
                case INT: return r.readInt();
                case LONG: return r.readLong();
                case FLOAT: return r.readFloat();
                case DOUBLE: return r.readDouble();
                case STRING: return r.readString();
                case BYTES: return readAllBytes(r);
                default: throw new IllegalArgumentException("unknown type " + read);
            }
        });
    }

    @Test
    void nullStreamFieldReadAsCharThrowsNullPointerException() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        m.writeString(null);
        StreamMessage r = roundTrip(m);
        assertThrows(NullPointerException.class, r::readChar);
    }

    @Test
    void nullStreamFieldReadAsIntBehavesLikeIntegerValueOfNull() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        m.writeString(null);
        StreamMessage r = roundTrip(m);
        assertThrows(NumberFormatException.class, r::readInt);
    }

    @Test
    void nullStreamFieldReadAsBooleanIsFalse() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        m.writeString(null);
        assertEquals(false, roundTrip(m).readBoolean());
    }

    @Test
    void nullMapEntryReadAsCharThrowsNullPointerException() throws JMSException {
        MapMessage m = session.createMapMessage();
        m.setString("n", null);
        MapMessage r = roundTrip(m);
        assertThrows(NullPointerException.class, () -> r.getChar("n"));
    }

    @Test
    void nullMapEntryReadAsLongBehavesLikeLongValueOfNull() throws JMSException {
        MapMessage m = session.createMapMessage();
        m.setString("n", null);
        MapMessage r = roundTrip(m);
        assertThrows(NumberFormatException.class, () -> r.getLong("n"));
    }

    private static byte[] readAllBytes(StreamMessage r) throws JMSException {
        byte[] buf = new byte[64];
        int n = r.readBytes(buf);
        byte[] out = new byte[Math.max(n, 0)];
        System.arraycopy(buf, 0, out, 0, out.length);
        return out;
    }
}
