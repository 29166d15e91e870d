package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** StreamMessage behaviour, including the conversion table of Jakarta Messaging 3.1, section 3.11.3. */
class StreamMessageTest {
    static final List<String> TYPES =
            List.of("boolean", "byte", "short", "char", "int", "long", "float", "double", "String", "byte[]");

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "boolean", Set.of("boolean", "String"),
            "byte", Set.of("byte", "short", "int", "long", "String"),
            "short", Set.of("short", "int", "long", "String"),
            "char", Set.of("char", "String"),
            "int", Set.of("int", "long", "String"),
            "long", Set.of("long", "String"),
            "float", Set.of("float", "double", "String"),
            "double", Set.of("double", "String"),
            "String", Set.of("boolean", "byte", "short", "int", "long", "float", "double", "String"),
            "byte[]", Set.of("byte[]"));

    static Object sample(String written, String read) {
        return switch (written) {
            case "boolean" -> true;
            case "byte" -> (byte) 12;
            case "short" -> (short) 12;
            case "char" -> 'c';
            case "int" -> 12;
            case "long" -> 12L;
            case "float" -> 12.5f;
            case "double" -> 12.5d;
            case "byte[]" -> new byte[] {1, 2};
            default -> switch (read) {
                case "boolean" -> "true";
                case "float", "double" -> "12.5";
                default -> "12";
            };
        };
    }

    static Stream<Arguments> cells(boolean allowed) {
        List<Arguments> cells = new ArrayList<>();
        for (String written : TYPES) {
            for (String read : TYPES) {
                if (ALLOWED.get(written).contains(read) == allowed) {
                    cells.add(Arguments.of(written, read));
                }
            }
        }
        return cells.stream();
    }

    static Stream<Arguments> allowedCells() {
        return cells(true);
    }

    static Stream<Arguments> forbiddenCells() {
        return cells(false);
    }

    private static Object read(StreamMessage m, String type) throws JMSException {
        return switch (type) {
            case "boolean" -> m.readBoolean();
            case "byte" -> m.readByte();
            case "short" -> m.readShort();
            case "char" -> m.readChar();
            case "int" -> m.readInt();
            case "long" -> m.readLong();
            case "float" -> m.readFloat();
            case "double" -> m.readDouble();
            case "String" -> m.readString();
            default -> {
                byte[] buffer = new byte[16];
                int n = m.readBytes(buffer);
                yield java.util.Arrays.copyOf(buffer, n);
            }
        };
    }

    private static PetrelStreamMessage readableWith(Object value) throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        m.writeObject(value);
        m.reset();
        return m;
    }

    /** What an allowed read of {@link #sample} returns: every sample is true, 'c', 12 or 12.5 in its type. */
    static Object expected(Object written, String read) {
        return switch (read) {
            case "boolean" -> true;
            case "byte" -> (byte) 12;
            case "short" -> (short) 12;
            case "char" -> 'c';
            case "int" -> 12;
            case "long" -> 12L;
            case "float" -> 12.5f;
            case "double" -> 12.5d;
            case "String" -> String.valueOf(written);
            default -> written;
        };
    }

    static void assertConverted(Object written, String read, Object result) {
        if (read.equals("byte[]")) {
            assertArrayEquals((byte[]) written, (byte[]) result);
        } else {
            assertEquals(expected(written, read), result);
        }
    }

    @ParameterizedTest(name = "a {0} stream value can be read as {1}")
    @MethodSource("allowedCells")
    void anAllowedConversionReturnsTheValue(String written, String read) throws JMSException {
        Object value = sample(written, read);
        assertConverted(value, read, read(readableWith(value), read));
    }

    @ParameterizedTest(name = "a {0} stream value cannot be read as {1}")
    @MethodSource("forbiddenCells")
    void aForbiddenConversionThrowsMessageFormatException(String written, String read) throws JMSException {
        PetrelStreamMessage m = readableWith(sample(written, read));
        assertThrows(MessageFormatException.class, () -> read(m, read));
    }

    @ParameterizedTest(name = "a failed read of a {0} value as {1} does not move the position")
    @MethodSource("forbiddenCells")
    void aFailedConversionDoesNotAdvanceThePosition(String written, String read) throws JMSException {
        Object value = sample(written, read);
        PetrelStreamMessage m = readableWith(value);
        assertThrows(MessageFormatException.class, () -> read(m, read));
        Object again = m.readObject();
        if (value instanceof byte[] bytes) {
            assertArrayEquals(bytes, (byte[]) again);
        } else {
            assertEquals(value, again);
        }
    }

    @Test
    void aNonNumericStringReadAsIntThrowsNumberFormatExceptionWithoutMoving() throws JMSException {
        PetrelStreamMessage m = readableWith("abc");
        assertThrows(NumberFormatException.class, m::readInt);
        assertEquals("abc", m.readString());
    }

    @Test
    void aNullValueReadsAsNullString() throws JMSException {
        assertNull(readableWith(null).readString());
    }

    @Test
    void aNullValueReadsAsFalse() throws JMSException {
        assertEquals(false, readableWith(null).readBoolean());
    }

    @Test
    void aNullValueReadAsIntThrowsNumberFormatException() throws JMSException {
        PetrelStreamMessage m = readableWith(null);
        assertThrows(NumberFormatException.class, m::readInt);
    }

    @Test
    void aNullValueReadAsCharThrowsNullPointerException() throws JMSException {
        PetrelStreamMessage m = readableWith(null);
        assertThrows(NullPointerException.class, m::readChar);
    }

    @Test
    void aNullValueReadByReadBytesReturnsMinusOne() throws JMSException {
        assertEquals(-1, readableWith(null).readBytes(new byte[4]));
    }

    @Test
    void readObjectReturnsEachValueInItsObjectifiedForm() throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        List<Object> values = List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s");
        for (Object v : values) {
            m.writeObject(v);
        }
        m.reset();
        for (Object v : values) {
            assertEquals(v, m.readObject());
        }
    }

    @Test
    void readingPastTheLastValueThrowsMessageEOFException() throws JMSException {
        PetrelStreamMessage m = readableWith(1);
        m.readInt();
        assertThrows(MessageEOFException.class, m::readObject);
    }

    @Test
    void readBytesReadsABigArrayInChunksThenReturnsMinusOne() throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4});
        m.writeInt(9);
        m.reset();
        byte[] buffer = new byte[2];
        assertEquals(2, m.readBytes(buffer));
        assertEquals(2, m.readBytes(buffer));
        assertArrayEquals(new byte[] {3, 4}, buffer);
        assertEquals(-1, m.readBytes(buffer));
        assertEquals(9, m.readInt());
    }

    @Test
    void readBytesThatReturnsLessThanTheBufferFinishesTheValue() throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3});
        m.writeInt(9);
        m.reset();
        assertEquals(3, m.readBytes(new byte[8]));
        assertEquals(9, m.readInt());
    }

    @Test
    void readBytesOfAnEmptyArrayReturnsZero() throws JMSException {
        assertEquals(0, readableWith(new byte[0]).readBytes(new byte[4]));
    }

    @Test
    void anotherReadInTheMiddleOfReadBytesThrowsMessageFormatException() throws JMSException {
        PetrelStreamMessage m = readableWith(new byte[] {1, 2, 3});
        m.readBytes(new byte[1]);
        assertThrows(MessageFormatException.class, m::readObject);
    }

    @Test
    void writeBytesWithOffsetAndLengthWritesThatSlice() throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        m.writeBytes(new byte[] {1, 2, 3, 4}, 1, 2);
        m.reset();
        assertArrayEquals(new byte[] {2, 3}, (byte[]) m.readObject());
    }

    @Test
    void writeObjectRejectsOtherTypesWithMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelStreamMessage().writeObject(new Object()));
    }

    @Test
    void readingBeforeResetThrowsMessageNotReadableException() throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        m.writeInt(1);
        assertThrows(MessageNotReadableException.class, m::readInt);
    }

    @Test
    void writingAfterResetThrowsMessageNotWriteableException() throws JMSException {
        PetrelStreamMessage m = readableWith(1);
        assertThrows(MessageNotWriteableException.class, () -> m.writeInt(2));
    }

    @Test
    void aReceivedStreamIsReadableAndReadOnly() throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        m.writeString("a");
        m.writeLong(2L);
        PetrelStreamMessage received = (PetrelStreamMessage) Messages.received(m);
        assertEquals("a", received.readString());
        assertEquals(2L, received.readLong());
        assertThrows(MessageNotWriteableException.class, () -> received.writeInt(1));
    }

    @Test
    void clearBodyEmptiesAReceivedStreamAndMakesItWritable() throws JMSException {
        PetrelStreamMessage m = new PetrelStreamMessage();
        m.writeString("a");
        PetrelStreamMessage received = (PetrelStreamMessage) Messages.received(m);
        received.clearBody();
        received.writeInt(5);
        received.reset();
        assertEquals(5, received.readInt());
        assertThrows(MessageEOFException.class, received::readObject);
    }

    @Test
    void resetRewindsToTheFirstValue() throws JMSException {
        PetrelStreamMessage m = readableWith("x");
        m.readString();
        m.reset();
        assertEquals("x", m.readString());
    }
}
