package dev.petrel.tck.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §3.11: the five body types, read-only and write-only modes, clearBody. */
class MessageBodyTest extends MessageTestSupport {

    @Test
    void textMessageBodyRoundTripsThroughAQueue() throws JMSException {
        String text = "Grüße, 世界 ✓ " + "x".repeat(10_000);
        TextMessage received = roundTrip(session.createTextMessage(text));
        assertEquals(text, received.getText());
    }

    @Test
    void textMessageWithNullTextRoundTripsAsNull() throws JMSException {
        TextMessage received = roundTrip(session.createTextMessage());
        assertNull(received.getText());
    }

    @Test
    void textMessageWithEmptyTextRoundTripsAsEmpty() throws JMSException {
        TextMessage received = roundTrip(session.createTextMessage(""));
        assertEquals("", received.getText());
    }

    @Test
    void bytesMessageBodyRoundTripsThroughAQueue() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBoolean(true);
        m.writeByte((byte) -7);
        m.writeByte((byte) 200);
        m.writeShort((short) -300);
        m.writeShort((short) 65000);
        m.writeChar('Ω');
        m.writeInt(Integer.MIN_VALUE);
        m.writeLong(Long.MAX_VALUE);
        m.writeFloat(3.5f);
        m.writeDouble(-2.25d);
        m.writeUTF("utf ✓");
        m.writeBytes(new byte[] {0, 1, 2, 3, 4}, 1, 3);
        BytesMessage received = roundTrip(m);
        assertTrue(received.readBoolean());
        assertEquals(-7, received.readByte());
        assertEquals(200, received.readUnsignedByte());
        assertEquals((short) -300, received.readShort());
        assertEquals(65000, received.readUnsignedShort());
        assertEquals('Ω', received.readChar());
        assertEquals(Integer.MIN_VALUE, received.readInt());
        assertEquals(Long.MAX_VALUE, received.readLong());
        assertEquals(3.5f, received.readFloat());
        assertEquals(-2.25d, received.readDouble());
        assertEquals("utf ✓", received.readUTF());
        byte[] buf = new byte[3];
        assertEquals(3, received.readBytes(buf));
        assertArrayEquals(new byte[] {1, 2, 3}, buf);
        assertEquals(-1, received.readBytes(buf), "readBytes returns -1 at the end of the body");
    }

    @Test
    void receivedBytesMessageReportsItsBodyLength() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeInt(1);
        m.writeLong(2);
        m.writeBytes(new byte[5]);
        assertEquals(17L, roundTrip(m).getBodyLength());
    }

    @Test
    void mapMessageBodyRoundTripsThroughAQueue() throws JMSException {
        MapMessage m = session.createMapMessage();
        m.setBoolean("bool", true);
        m.setByte("byte", (byte) 5);
        m.setShort("short", (short) -6);
        m.setChar("char", 'c');
        m.setInt("int", 7);
        m.setLong("long", 8L);
        m.setFloat("float", 9.5f);
        m.setDouble("double", 10.25d);
        m.setString("string", "s");
        m.setString("nullString", null);
        m.setBytes("bytes", new byte[] {1, 2});
        m.setObject("object", 11);
        MapMessage r = roundTrip(m);
        assertTrue(r.getBoolean("bool"));
        assertEquals(5, r.getByte("byte"));
        assertEquals(-6, r.getShort("short"));
        assertEquals('c', r.getChar("char"));
        assertEquals(7, r.getInt("int"));
        assertEquals(8L, r.getLong("long"));
        assertEquals(9.5f, r.getFloat("float"));
        assertEquals(10.25d, r.getDouble("double"));
        assertEquals("s", r.getString("string"));
        assertNull(r.getString("nullString"));
        assertTrue(r.itemExists("nullString"));
        assertArrayEquals(new byte[] {1, 2}, r.getBytes("bytes"));
        assertEquals(11, r.getObject("object"));
        assertEquals(Set.of("bool", "byte", "short", "char", "int", "long", "float", "double", "string",
                "nullString", "bytes", "object"), new HashSet<>(Collections.list(r.getMapNames())));
    }

    @Test
    void mapMessageReturnsNullForAMissingObjectAndItemExistsIsFalse() throws JMSException {
        MapMessage r = roundTrip(session.createMapMessage());
        assertNull(r.getObject("absent"));
        assertNull(r.getString("absent"));
        assertFalse(r.itemExists("absent"));
    }

    @Test
    void streamMessageBodyRoundTripsThroughAQueue() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        m.writeBoolean(false);
        m.writeByte((byte) 1);
        m.writeShort((short) 2);
        m.writeChar('3');
        m.writeInt(4);
        m.writeLong(5L);
        m.writeFloat(6.5f);
        m.writeDouble(7.5d);
        m.writeString("eight");
        m.writeString(null);
        m.writeBytes(new byte[] {9, 10});
        m.writeObject(11L);
        StreamMessage r = roundTrip(m);
        assertFalse(r.readBoolean());
        assertEquals(1, r.readByte());
        assertEquals(2, r.readShort());
        assertEquals('3', r.readChar());
        assertEquals(4, r.readInt());
        assertEquals(5L, r.readLong());
        assertEquals(6.5f, r.readFloat());
        assertEquals(7.5d, r.readDouble());
        assertEquals("eight", r.readString());
        assertNull(r.readString());
        byte[] buf = new byte[2];
        assertEquals(2, r.readBytes(buf));
        assertArrayEquals(new byte[] {9, 10}, buf);
        assertEquals(-1, r.readBytes(buf), "readBytes returns -1 once the byte[] field is read");
        assertEquals(11L, r.readObject());
        assertThrows(MessageEOFException.class, r::readInt);
    }

    @Test
    void objectMessageBodyRoundTripsThroughAQueue() throws JMSException {
        ArrayList<Object> payload = new ArrayList<>(List.of("a", 1, 2.5d, List.of("nested")));
        ObjectMessage r = roundTrip(session.createObjectMessage(payload));
        assertEquals(payload, r.getObject());
    }

    @Test
    void objectMessageWithNullObjectRoundTripsAsNull() throws JMSException {
        ObjectMessage r = roundTrip(session.createObjectMessage());
        assertNull(r.getObject());
    }

    @Test
    void objectMessageCopiesTheObjectWhenItIsSet() throws JMSException {
        ArrayList<String> payload = new ArrayList<>(List.of("before"));
        ObjectMessage m = session.createObjectMessage(payload);
        payload.add("after");
        assertEquals(List.of("before"), roundTrip(m).getObject());
    }

    @Test
    void plainMessageWithOnlyPropertiesRoundTripsThroughAQueue() throws JMSException {
        Message m = session.createMessage();
        m.setStringProperty("p", "v");
        Message r = roundTrip(m);
        assertEquals("v", r.getStringProperty("p"));
    }

    @Test
    void receivedTextMessageBodyIsReadOnly() throws JMSException {
        TextMessage r = roundTrip(session.createTextMessage("x"));
        assertThrows(MessageNotWriteableException.class, () -> r.setText("y"));
    }

    @Test
    void receivedBytesMessageBodyIsReadOnly() throws JMSException {
        BytesMessage r = roundTrip(session.createBytesMessage());
        assertThrows(MessageNotWriteableException.class, () -> r.writeInt(1));
    }

    @Test
    void receivedMapMessageBodyIsReadOnly() throws JMSException {
        MapMessage r = roundTrip(session.createMapMessage());
        assertThrows(MessageNotWriteableException.class, () -> r.setInt("i", 1));
    }

    @Test
    void receivedStreamMessageBodyIsReadOnly() throws JMSException {
        StreamMessage r = roundTrip(session.createStreamMessage());
        assertThrows(MessageNotWriteableException.class, () -> r.writeInt(1));
    }

    @Test
    void receivedObjectMessageBodyIsReadOnly() throws JMSException {
        ObjectMessage r = roundTrip(session.createObjectMessage("x"));
        assertThrows(MessageNotWriteableException.class, () -> r.setObject("y"));
    }

    @Test
    void clearBodyMakesAReceivedTextMessageWritableAndEmpty() throws JMSException {
        TextMessage r = roundTrip(session.createTextMessage("x"));
        r.clearBody();
        assertNull(r.getText());
        r.setText("y");
        assertEquals("y", r.getText());
    }

    @Test
    void clearBodyMakesAReceivedMapMessageWritableAndEmpty() throws JMSException {
        MapMessage m = session.createMapMessage();
        m.setInt("i", 1);
        MapMessage r = roundTrip(m);
        r.clearBody();
        assertFalse(r.getMapNames().hasMoreElements());
        r.setInt("j", 2);
        assertEquals(2, r.getInt("j"));
    }

    @Test
    void clearBodyPutsABytesMessageIntoWriteOnlyMode() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeInt(1);
        BytesMessage r = roundTrip(m);
        r.clearBody();
        r.writeInt(2);
        assertThrows(MessageNotReadableException.class, r::readInt);
    }

    @Test
    void clearBodyLeavesPropertiesInPlace() throws JMSException {
        TextMessage m = session.createTextMessage("x");
        m.setIntProperty("kept", 7);
        m.clearBody();
        assertEquals(7, m.getIntProperty("kept"));
    }

    @Test
    void newBytesMessageIsWriteOnly() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeInt(1);
        assertThrows(MessageNotReadableException.class, m::readInt);
    }

    @Test
    void newBytesMessageRejectsGetBodyLengthWithMessageNotReadableException() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeInt(1);
        assertThrows(MessageNotReadableException.class, m::getBodyLength);
    }

    @Test
    void newStreamMessageIsWriteOnly() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        m.writeInt(1);
        assertThrows(MessageNotReadableException.class, m::readInt);
    }

    @Test
    void resetMakesABytesMessageReadOnlyFromTheStart() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeInt(42);
        m.reset();
        assertEquals(4L, m.getBodyLength());
        assertEquals(42, m.readInt());
        assertThrows(MessageNotWriteableException.class, () -> m.writeInt(1));
    }

    @Test
    void resetMakesAStreamMessageReadOnlyFromTheStart() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        m.writeString("first");
        m.reset();
        assertEquals("first", m.readString());
        assertThrows(MessageNotWriteableException.class, () -> m.writeInt(1));
    }

    @Test
    void resetOfAReceivedBytesMessageRereadsFromTheStart() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeInt(5);
        BytesMessage r = roundTrip(m);
        assertEquals(5, r.readInt());
        r.reset();
        assertEquals(5, r.readInt());
    }

    @Test
    void readingPastTheEndOfABytesMessageThrowsMessageEofException() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeShort((short) 1);
        BytesMessage r = roundTrip(m);
        assertThrows(MessageEOFException.class, r::readInt);
    }

    @Test
    void writeObjectOfANullOnABytesMessageThrowsNullPointerException() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        assertThrows(NullPointerException.class, () -> m.writeObject(null));
    }

    @Test
    void bytesMessageWriteObjectAcceptsTheWrapperTypesAndByteArrays() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeObject(Boolean.TRUE);
        m.writeObject((byte) 1);
        m.writeObject((short) 2);
        m.writeObject('c');
        m.writeObject(3);
        m.writeObject(4L);
        m.writeObject(5.5f);
        m.writeObject(6.5d);
        m.writeObject(new byte[] {8});
        BytesMessage r = roundTrip(m);
        assertTrue(r.readBoolean());
        assertEquals(1, r.readByte());
        assertEquals(2, r.readShort());
        assertEquals('c', r.readChar());
        assertEquals(3, r.readInt());
        assertEquals(4L, r.readLong());
        assertEquals(5.5f, r.readFloat());
        assertEquals(6.5d, r.readDouble());
        assertEquals(8, r.readByte());
    }

    @Test
    void bytesMessageWriteObjectOfAnUnsupportedTypeThrowsMessageFormatException() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        assertThrows(MessageFormatException.class, () -> m.writeObject(new java.util.Date()));
    }

    @Test
    void streamMessageWriteObjectOfAnUnsupportedTypeThrowsMessageFormatException() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        assertThrows(MessageFormatException.class, () -> m.writeObject(new java.util.Date()));
    }

    @Test
    void mapMessageSetObjectOfAnUnsupportedTypeThrowsMessageFormatException() throws JMSException {
        MapMessage m = session.createMapMessage();
        assertThrows(MessageFormatException.class, () -> m.setObject("d", new java.util.Date()));
    }

    @Test
    void mapMessageRejectsANullOrEmptyNameWithIllegalArgumentException() throws JMSException {
        MapMessage m = session.createMapMessage();
        assertThrows(IllegalArgumentException.class, () -> m.setInt(null, 1));
        assertThrows(IllegalArgumentException.class, () -> m.setString("", "v"));
    }

    @Test
    void clearBodyOnANewObjectMessageNullsTheObject() throws JMSException {
        ObjectMessage m = session.createObjectMessage("x");
        m.clearBody();
        assertNull(m.getObject());
    }

    @Test
    void oneMegabyteBytesMessageRoundTrips() throws JMSException {
        byte[] payload = new byte[1024 * 1024];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(payload);
        BytesMessage r = roundTrip(m);
        assertEquals(payload.length, r.getBodyLength());
        byte[] got = new byte[payload.length];
        assertEquals(payload.length, r.readBytes(got));
        assertArrayEquals(payload, got);
    }
}
