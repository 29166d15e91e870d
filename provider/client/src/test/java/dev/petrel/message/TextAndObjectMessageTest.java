package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.io.ObjectStreamException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextAndObjectMessageTest {

    @Test
    void textReadsBackWhatWasSet() throws JMSException {
        PetrelTextMessage m = new PetrelTextMessage();
        m.setText("hello");
        assertEquals("hello", m.getText());
    }

    @Test
    void unicodeTextSurvivesSending() throws JMSException {
        String text = "Grüße 日本 \uD83D\uDE00";
        assertEquals(text, ((PetrelTextMessage) Messages.received(new PetrelTextMessage(text))).getText());
    }

    @Test
    void nullTextSurvivesSendingAsNull() throws JMSException {
        assertNull(((PetrelTextMessage) Messages.received(new PetrelTextMessage(null))).getText());
    }

    @Test
    void emptyTextSurvivesSendingAsEmpty() throws JMSException {
        assertEquals("", ((PetrelTextMessage) Messages.received(new PetrelTextMessage(""))).getText());
    }

    @Test
    void aReceivedTextIsReadOnly() throws JMSException {
        PetrelTextMessage received = (PetrelTextMessage) Messages.received(new PetrelTextMessage("x"));
        assertThrows(MessageNotWriteableException.class, () -> received.setText("y"));
    }

    @Test
    void clearBodyEmptiesAReceivedTextAndMakesItWritable() throws JMSException {
        PetrelTextMessage received = (PetrelTextMessage) Messages.received(new PetrelTextMessage("x"));
        received.clearBody();
        assertNull(received.getText());
        received.setText("y");
        assertEquals("y", received.getText());
    }

    @Test
    void getObjectReturnsAnEqualCopy() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a", "b"));
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(list);
        Serializable copy = m.getObject();
        assertEquals(list, copy);
        assertNotSame(list, copy);
    }

    @Test
    void changingTheObjectAfterSetObjectDoesNotChangeTheMessage() throws JMSException {
        ArrayList<String> list = new ArrayList<>(List.of("a"));
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(list);
        list.add("b");
        assertEquals(List.of("a"), m.getObject());
    }

    @Test
    void anObjectSurvivesSending() throws JMSException {
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(new java.util.TreeMap<>(java.util.Map.of("k", 1)));
        assertEquals(java.util.Map.of("k", 1), ((PetrelObjectMessage) Messages.received(m)).getObject());
    }

    @Test
    void aNullObjectSurvivesSendingAsNull() throws JMSException {
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(null);
        assertNull(((PetrelObjectMessage) Messages.received(m)).getObject());
    }

    /** Serializable by declaration, but fails when written. */
    static final class Unserializable implements Serializable {
        private static final long serialVersionUID = 1L;
        @SuppressWarnings("unused")
        private final Object field = new Object();
    }

    @Test
    void anObjectThatCannotBeSerializedIsRejectedWithMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelObjectMessage().setObject(new Unserializable()));
    }

    /** Serializes fine, fails when read back. */
    static final class FailsOnRead implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() throws ObjectStreamException {
            throw new java.io.InvalidObjectException("refusing to be read");
        }
    }

    @Test
    void aBodyThatCannotBeDeserializedFailsWithMessageFormatException() throws JMSException {
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(new FailsOnRead());
        assertThrows(MessageFormatException.class, m::getObject);
    }

    @Test
    void aReceivedObjectMessageIsReadOnly() throws JMSException {
        PetrelObjectMessage received = (PetrelObjectMessage) Messages.received(new PetrelObjectMessage());
        assertThrows(MessageNotWriteableException.class, () -> received.setObject("x"));
    }

    @Test
    void deserializationUsesTheThreadContextClassLoader() throws Exception {
        PetrelObjectMessage m = new PetrelObjectMessage();
        m.setObject(new ArrayList<>(List.of(1)));
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        RecordingClassLoader recording = new RecordingClassLoader(previous);
        Thread.currentThread().setContextClassLoader(recording);
        try {
            m.getObject();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        assertEquals(true, recording.asked.contains("java.util.ArrayList"));
    }

    static final class RecordingClassLoader extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        RecordingClassLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }
    }
}
