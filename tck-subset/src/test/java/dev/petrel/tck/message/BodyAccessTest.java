package dev.petrel.tck.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 Message.getBody and Message.isBodyAssignableTo. */
class BodyAccessTest extends MessageTestSupport {

    @Test
    void textMessageBodyIsAString() throws JMSException {
        TextMessage r = roundTrip(session.createTextMessage("text"));
        assertTrue(r.isBodyAssignableTo(String.class));
        assertTrue(r.isBodyAssignableTo(Object.class));
        assertEquals("text", r.getBody(String.class));
    }

    @Test
    void textMessageBodyIsNotAssignableToAnInteger() throws JMSException {
        TextMessage r = roundTrip(session.createTextMessage("text"));
        assertFalse(r.isBodyAssignableTo(Integer.class));
        assertThrows(MessageFormatException.class, () -> r.getBody(Integer.class));
    }

    @Test
    void bytesMessageBodyIsAByteArray() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(new byte[] {4, 5, 6});
        BytesMessage r = roundTrip(m);
        assertTrue(r.isBodyAssignableTo(byte[].class));
        assertArrayEquals(new byte[] {4, 5, 6}, r.getBody(byte[].class));
    }

    @Test
    void bytesMessageBodyIsNotAString() throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.writeBytes(new byte[] {4});
        BytesMessage r = roundTrip(m);
        assertFalse(r.isBodyAssignableTo(String.class));
        assertThrows(MessageFormatException.class, () -> r.getBody(String.class));
    }

    @Test
    void mapMessageBodyIsAMap() throws JMSException {
        MapMessage m = session.createMapMessage();
        m.setString("k", "v");
        m.setInt("i", 3);
        MapMessage r = roundTrip(m);
        assertTrue(r.isBodyAssignableTo(Map.class));
        assertEquals(Map.of("k", "v", "i", 3), r.getBody(Map.class));
    }

    @Test
    void mapMessageBodyIsNotAString() throws JMSException {
        MapMessage m = session.createMapMessage();
        m.setString("k", "v");
        MapMessage r = roundTrip(m);
        assertFalse(r.isBodyAssignableTo(String.class));
        assertThrows(MessageFormatException.class, () -> r.getBody(String.class));
    }

    @Test
    void objectMessageBodyIsAssignableToItsObjectsClass() throws JMSException {
        ArrayList<String> payload = new ArrayList<>(List.of("a"));
        ObjectMessage r = roundTrip(session.createObjectMessage(payload));
        assertTrue(r.isBodyAssignableTo(Serializable.class));
        assertTrue(r.isBodyAssignableTo(List.class));
        assertEquals(payload, r.getBody(List.class));
    }

    @Test
    void objectMessageBodyIsNotAssignableToAnUnrelatedClass() throws JMSException {
        ObjectMessage r = roundTrip(session.createObjectMessage("a string"));
        assertFalse(r.isBodyAssignableTo(Integer.class));
        assertThrows(MessageFormatException.class, () -> r.getBody(Integer.class));
    }

    @Test
    void streamMessageBodyIsNeverAssignable() throws JMSException {
        StreamMessage m = session.createStreamMessage();
        m.writeInt(1);
        StreamMessage r = roundTrip(m);
        assertFalse(r.isBodyAssignableTo(Object.class));
        assertThrows(MessageFormatException.class, () -> r.getBody(Object.class));
    }

    @Test
    void plainMessageHasANullBodyAssignableToAnything() throws JMSException {
        Message r = roundTrip(session.createMessage());
        assertTrue(r.isBodyAssignableTo(String.class));
        assertTrue(r.isBodyAssignableTo(Integer.class));
        assertNull(r.getBody(String.class));
    }

    @Test
    void textMessageWithoutABodyReturnsNullForAnyType() throws JMSException {
        TextMessage r = roundTrip(session.createTextMessage());
        assertTrue(r.isBodyAssignableTo(Integer.class));
        assertNull(r.getBody(Integer.class));
    }
}
