package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MapMessage behaviour; its conversion table is the stream one (3.11.3). */
class MapMessageTest {

    static Stream<Arguments> forbiddenCells() {
        return StreamMessageTest.forbiddenCells();
    }

    static Stream<Arguments> allowedCells() {
        return StreamMessageTest.allowedCells();
    }

    private static Object get(MapMessage m, String type, String name) throws JMSException {
        return switch (type) {
            case "boolean" -> m.getBoolean(name);
            case "byte" -> m.getByte(name);
            case "short" -> m.getShort(name);
            case "char" -> m.getChar(name);
            case "int" -> m.getInt(name);
            case "long" -> m.getLong(name);
            case "float" -> m.getFloat(name);
            case "double" -> m.getDouble(name);
            case "String" -> m.getString(name);
            default -> m.getBytes(name);
        };
    }

    @ParameterizedTest(name = "a {0} map value can be read as {1}")
    @MethodSource("allowedCells")
    void anAllowedConversionSucceeds(String written, String read) throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        Object value = StreamMessageTest.sample(written, read);
        m.setObject("v", value);
        StreamMessageTest.assertConverted(value, read, get(m, read, "v"));
    }

    @ParameterizedTest(name = "a {0} map value cannot be read as {1}")
    @MethodSource("forbiddenCells")
    void aForbiddenConversionThrowsMessageFormatException(String written, String read) throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setObject("v", StreamMessageTest.sample(written, read));
        assertThrows(MessageFormatException.class, () -> get(m, read, "v"));
    }

    @Test
    void everyTypedSetterReadsBackThroughItsGetter() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setBoolean("z", true);
        m.setByte("b", (byte) 1);
        m.setShort("s", (short) 2);
        m.setChar("c", 'c');
        m.setInt("i", 3);
        m.setLong("l", 4L);
        m.setFloat("f", 5f);
        m.setDouble("d", 6d);
        m.setString("t", "text");
        m.setBytes("y", new byte[] {7});
        assertTrue(m.getBoolean("z"));
        assertEquals(1, m.getByte("b"));
        assertEquals(2, m.getShort("s"));
        assertEquals('c', m.getChar("c"));
        assertEquals(3, m.getInt("i"));
        assertEquals(4L, m.getLong("l"));
        assertEquals(5f, m.getFloat("f"));
        assertEquals(6d, m.getDouble("d"));
        assertEquals("text", m.getString("t"));
        assertArrayEquals(new byte[] {7}, m.getBytes("y"));
    }

    @Test
    void aStringValueIsParsedForNumericGetters() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setString("n", "42");
        assertEquals(42L, m.getLong("n"));
    }

    @Test
    void aMissingNameReadsAsNullStringAndFalseBoolean() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        assertNull(m.getString("x"));
        assertFalse(m.getBoolean("x"));
        assertNull(m.getBytes("x"));
        assertNull(m.getObject("x"));
    }

    @Test
    void aMissingNameReadAsIntThrowsNumberFormatException() {
        assertThrows(NumberFormatException.class, () -> new PetrelMapMessage().getInt("x"));
    }

    @Test
    void aMissingNameReadAsCharThrowsNullPointerException() {
        assertThrows(NullPointerException.class, () -> new PetrelMapMessage().getChar("x"));
    }

    @Test
    void setBytesWithOffsetAndLengthStoresThatSlice() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setBytes("y", new byte[] {1, 2, 3, 4}, 1, 2);
        assertArrayEquals(new byte[] {2, 3}, m.getBytes("y"));
    }

    @Test
    void setBytesCopiesTheArray() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        byte[] value = {1};
        m.setBytes("y", value);
        value[0] = 9;
        assertArrayEquals(new byte[] {1}, m.getBytes("y"));
    }

    @Test
    void aNullNameIsRejectedWithIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelMapMessage().setInt(null, 1));
    }

    @Test
    void anEmptyNameIsRejectedWithIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelMapMessage().setString("", "x"));
    }

    @Test
    void setObjectRejectsOtherTypesWithMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelMapMessage().setObject("o", new ArrayList<>()));
    }

    @Test
    void getMapNamesListsTheNamesInOrder() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setInt("b", 1);
        m.setInt("a", 2);
        assertEquals(List.of("b", "a"), Collections.list(m.getMapNames()));
    }

    @Test
    void itemExistsIsTrueOnlyForSetNames() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setString("there", null);
        assertTrue(m.itemExists("there"));
        assertFalse(m.itemExists("absent"));
    }

    @Test
    void aReceivedMapKeepsEveryValueAndType() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setChar("c", 'ß');
        m.setBytes("y", new byte[] {1, 2});
        m.setFloat("f", 1.5f);
        m.setString("s", "日本");
        PetrelMapMessage received = (PetrelMapMessage) Messages.received(m);
        assertEquals('ß', received.getObject("c"));
        assertArrayEquals(new byte[] {1, 2}, received.getBytes("y"));
        assertEquals(1.5f, received.getObject("f"));
        assertEquals("日本", received.getString("s"));
    }

    @Test
    void aReceivedMapIsReadOnly() throws JMSException {
        PetrelMapMessage received = (PetrelMapMessage) Messages.received(new PetrelMapMessage());
        assertThrows(MessageNotWriteableException.class, () -> received.setInt("i", 1));
    }

    @Test
    void clearBodyEmptiesAReceivedMapAndMakesItWritable() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setInt("old", 1);
        PetrelMapMessage received = (PetrelMapMessage) Messages.received(m);
        received.clearBody();
        received.setInt("new", 2);
        assertEquals(List.of("new"), Collections.list(received.getMapNames()));
    }

    @Test
    void aCorruptReceivedMapBodyFailsWithMessageFormatExceptionOnAccess() throws JMSException {
        MessageData data = new MessageData(null, 0, null, null, null, DestinationRef.queue("q"), 2, 4, 0, 0, null,
                null, BodyType.MAP, new byte[] {5, 1});
        PetrelMapMessage received = (PetrelMapMessage) PetrelMessage.fromData(data, 1, false);
        assertThrows(MessageFormatException.class, received::getMapNames);
    }
}
