package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BytesMessageTest {

    private static PetrelBytesMessage readable(byte... content) throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeBytes(content);
        m.reset();
        return m;
    }

    @Test
    void everyPrimitiveWrittenReadsBackAfterReset() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeBoolean(true);
        m.writeByte((byte) -3);
        m.writeShort((short) -300);
        m.writeChar('Ω');
        m.writeInt(123456789);
        m.writeLong(-9876543210L);
        m.writeFloat(1.25f);
        m.writeDouble(-2.5e-300);
        m.writeUTF("héllo");
        m.writeBytes(new byte[] {1, 2});
        m.writeBytes(new byte[] {7, 8, 9, 10}, 1, 2);
        m.reset();
        assertEquals(true, m.readBoolean());
        assertEquals(-3, m.readByte());
        assertEquals(-300, m.readShort());
        assertEquals('Ω', m.readChar());
        assertEquals(123456789, m.readInt());
        assertEquals(-9876543210L, m.readLong());
        assertEquals(1.25f, m.readFloat());
        assertEquals(-2.5e-300, m.readDouble());
        assertEquals("héllo", m.readUTF());
        byte[] rest = new byte[10];
        assertEquals(4, m.readBytes(rest));
        assertArrayEquals(new byte[] {1, 2, 8, 9}, java.util.Arrays.copyOf(rest, 4));
    }

    @Test
    void unsignedReadsReturnUnsignedValues() throws JMSException {
        PetrelBytesMessage m = readable((byte) 0xFF, (byte) 0xFF, (byte) 0xFE);
        assertEquals(255, m.readUnsignedByte());
        assertEquals(0xFFFE, m.readUnsignedShort());
    }

    @Test
    void writeObjectWritesEveryAllowedType() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        for (Object o : List.of(true, (byte) 1, (short) 2, 'c', 3, 4L, 5f, 6d, "s", new byte[] {9})) {
            m.writeObject(o);
        }
        m.reset();
        assertEquals(1 + 1 + 2 + 2 + 4 + 8 + 4 + 8 + 3 + 1, m.getBodyLength());
    }

    @Test
    void writeObjectRejectsOtherTypesWithMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelBytesMessage().writeObject(List.of()));
    }

    @Test
    void writeObjectRejectsNullWithNullPointerException() {
        assertThrows(NullPointerException.class, () -> new PetrelBytesMessage().writeObject(null));
    }

    @Test
    void readingANewMessageThrowsMessageNotReadableException() {
        assertThrows(MessageNotReadableException.class, () -> new PetrelBytesMessage().readInt());
    }

    @Test
    void getBodyLengthOfAWriteOnlyMessageThrowsMessageNotReadableException() {
        assertThrows(MessageNotReadableException.class, () -> new PetrelBytesMessage().getBodyLength());
    }

    @Test
    void writingAfterResetThrowsMessageNotWriteableException() throws JMSException {
        PetrelBytesMessage m = readable((byte) 1);
        assertThrows(MessageNotWriteableException.class, () -> m.writeInt(1));
    }

    @Test
    void writingAReceivedMessageThrowsMessageNotWriteableException() throws JMSException {
        PetrelBytesMessage received = (PetrelBytesMessage) Messages.received(readable((byte) 1));
        assertThrows(MessageNotWriteableException.class, () -> received.writeByte((byte) 1));
    }

    @Test
    void aReceivedMessageIsReadableFromTheStart() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeInt(42);
        PetrelBytesMessage received = (PetrelBytesMessage) Messages.received(m);
        assertEquals(4, received.getBodyLength());
        assertEquals(42, received.readInt());
    }

    @Test
    void clearBodyMakesAReceivedMessageWritableAndEmpty() throws JMSException {
        PetrelBytesMessage received = (PetrelBytesMessage) Messages.received(readable((byte) 1, (byte) 2));
        received.clearBody();
        received.writeByte((byte) 5);
        received.reset();
        assertEquals(1, received.getBodyLength());
    }

    @Test
    void clearBodyMakesTheMessageWriteOnly() throws JMSException {
        PetrelBytesMessage m = readable((byte) 1);
        m.clearBody();
        assertThrows(MessageNotReadableException.class, m::readByte);
    }

    @Test
    void readingPastTheEndThrowsMessageEOFException() throws JMSException {
        PetrelBytesMessage m = readable((byte) 1, (byte) 2);
        assertThrows(MessageEOFException.class, m::readInt);
    }

    @Test
    void aReadThatHitsTheEndDoesNotMoveThePosition() throws JMSException {
        PetrelBytesMessage m = readable((byte) 1, (byte) 2);
        assertThrows(MessageEOFException.class, m::readInt);
        assertEquals(0x0102, m.readShort());
    }

    @Test
    void resetMovesBackToTheStart() throws JMSException {
        PetrelBytesMessage m = readable((byte) 7);
        m.readByte();
        m.reset();
        assertEquals(7, m.readByte());
    }

    @Test
    void readBytesReadsInChunksAndReturnsMinusOneAtTheEnd() throws JMSException {
        PetrelBytesMessage m = readable((byte) 1, (byte) 2, (byte) 3, (byte) 4, (byte) 5);
        byte[] buffer = new byte[2];
        assertEquals(2, m.readBytes(buffer));
        assertEquals(2, m.readBytes(buffer));
        assertEquals(1, m.readBytes(buffer));
        assertEquals(5, buffer[0]);
        assertEquals(-1, m.readBytes(buffer));
    }

    @Test
    void readBytesWithALengthReadsAtMostThatMany() throws JMSException {
        PetrelBytesMessage m = readable((byte) 1, (byte) 2, (byte) 3);
        byte[] buffer = new byte[3];
        assertEquals(2, m.readBytes(buffer, 2));
        assertArrayEquals(new byte[] {1, 2, 0}, buffer);
    }

    @Test
    void readBytesWithALengthLargerThanTheArrayThrowsIndexOutOfBoundsException() throws JMSException {
        PetrelBytesMessage m = readable((byte) 1);
        assertThrows(IndexOutOfBoundsException.class, () -> m.readBytes(new byte[1], 2));
    }

    @Test
    void readBytesOfAnEmptyBodyReturnsMinusOne() throws JMSException {
        assertEquals(-1, readable().readBytes(new byte[4]));
    }

    @Test
    void aTooLongUtfStringIsRejectedWithMessageFormatException() {
        String huge = "x".repeat(70_000);
        assertThrows(MessageFormatException.class, () -> new PetrelBytesMessage().writeUTF(huge));
    }

    @Test
    void aSnapshotInWriteOnlyModeCarriesWhatWasWritten() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeInt(5);
        m.setJMSDestination(new dev.petrel.client.PetrelQueue("q"));
        assertArrayEquals(new byte[] {0, 0, 0, 5}, m.toData().body());
    }

    @Test
    void theSnapshotIsIndependentOfLaterWrites() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeByte((byte) 1);
        m.setJMSDestination(new dev.petrel.client.PetrelQueue("q"));
        MessageData data = m.toData();
        m.writeByte((byte) 2);
        assertArrayEquals(new byte[] {1}, data.body());
    }
}
