package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import java.io.Serializable;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Message.getBody and isBodyAssignableTo (Jakarta Messaging 3.1). */
class BodyAccessTest {

    @Test
    void aPlainMessageHasANullBodyForAnyClass() throws JMSException {
        assertNull(new PetrelMessage().getBody(Integer.class));
    }

    @Test
    void aPlainMessageBodyIsAssignableToAnything() throws JMSException {
        assertTrue(new PetrelMessage().isBodyAssignableTo(Integer.class));
    }

    @Test
    void aTextBodyIsReturnedAsString() throws JMSException {
        assertEquals("t", new PetrelTextMessage("t").getBody(String.class));
    }

    @Test
    void aTextBodyIsReturnedAsObject() throws JMSException {
        assertEquals("t", new PetrelTextMessage("t").getBody(Object.class));
    }

    @Test
    void aTextBodyAskedForAsIntegerThrowsMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelTextMessage("t").getBody(Integer.class));
    }

    @Test
    void aTextBodyIsAssignableToStringButNotToInteger() throws JMSException {
        PetrelTextMessage m = new PetrelTextMessage("t");
        assertTrue(m.isBodyAssignableTo(String.class));
        assertFalse(m.isBodyAssignableTo(Integer.class));
    }

    @Test
    void aNullTextBodyIsNullAndAssignableToAnything() throws JMSException {
        PetrelTextMessage m = new PetrelTextMessage();
        assertNull(m.getBody(Integer.class));
        assertTrue(m.isBodyAssignableTo(Integer.class));
    }

    @Test
    void aBytesBodyIsReturnedAsByteArrayInWriteOnlyMode() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeByte((byte) 3);
        assertArrayEquals(new byte[] {3}, m.getBody(byte[].class));
    }

    @Test
    void aBytesBodyIsReturnedWithoutMovingTheReadPosition() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeByte((byte) 3);
        m.reset();
        m.getBody(byte[].class);
        assertEquals(3, m.readByte());
    }

    @Test
    void anEmptyBytesBodyIsNull() throws JMSException {
        assertNull(new PetrelBytesMessage().getBody(byte[].class));
    }

    @Test
    void aBytesBodyAskedForAsStringThrowsMessageFormatException() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeByte((byte) 3);
        assertThrows(MessageFormatException.class, () -> m.getBody(String.class));
        assertFalse(m.isBodyAssignableTo(String.class));
    }

    @Test
    void aMapBodyIsReturnedAsACopyOfTheMap() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setInt("i", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = m.getBody(Map.class);
        assertEquals(Map.of("i", 1), body);
        body.put("j", 2);
        assertFalse(m.itemExists("j"));
    }

    @Test
    void aMapBodyAskedForAsStringThrowsMessageFormatException() throws JMSException {
        PetrelMapMessage m = new PetrelMapMessage();
        m.setInt("i", 1);
        assertThrows(MessageFormatException.class, () -> m.getBody(String.class));
        assertTrue(m.isBodyAssignableTo(Map.class));
        assertFalse(m.isBodyAssignableTo(String.class));
    }

    @Test
    void anEmptyMapBodyIsNull() throws JMSException {
        assertNull(new PetrelMapMessage().getBody(Map.class));
    }

    @Test
    void anObjectBodyIsReturnedAsSerializableOrItsOwnClass() throws JMSException {
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(42);
        assertEquals(42, m.getBody(Serializable.class));
        assertEquals(42, m.getBody(Integer.class));
    }

    @Test
    void anObjectBodyAskedForAsAnotherClassThrowsMessageFormatException() throws JMSException {
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(42);
        assertThrows(MessageFormatException.class, () -> m.getBody(String.class));
        assertFalse(m.isBodyAssignableTo(String.class));
        assertTrue(m.isBodyAssignableTo(Number.class));
    }

    @Test
    void anObjectBodyThatCannotBeDeserializedIsNotAssignable() throws JMSException {
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(new TextAndObjectMessageTest.FailsOnRead());
        assertFalse(m.isBodyAssignableTo(Serializable.class));
    }

    @Test
    void aStreamBodyCannotBeReturnedByGetBody() {
        assertThrows(MessageFormatException.class, () -> new PetrelStreamMessage().getBody(Object.class));
    }

    @Test
    void aStreamBodyIsNotAssignableToAnything() {
        assertFalse(new PetrelStreamMessage().isBodyAssignableTo(Object.class));
    }

    @Test
    void aReceivedTextBodyIsReturnedByGetBody() throws JMSException {
        assertEquals("r", Messages.received(new PetrelTextMessage("r")).getBody(String.class));
    }
}
