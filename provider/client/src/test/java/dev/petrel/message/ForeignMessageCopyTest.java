package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.petrel.client.PetrelQueue;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PetrelMessage.copyOf for messages of another provider (simulated by proxies that hide the Petrel class). */
class ForeignMessageCopyTest {

    @SuppressWarnings("unchecked")
    private static <T extends Message> T foreign(Class<T> type, PetrelMessage backing) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return method.invoke(backing, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Test
    void headersAreCopied() throws JMSException {
        PetrelMessage backing = new PetrelMessage();
        backing.setJMSCorrelationID("c");
        backing.setJMSType("t");
        backing.setJMSPriority(2);
        backing.setJMSReplyTo((Topic) () -> "foreign.topic");
        PetrelMessage copy = PetrelMessage.copyOf(foreign(Message.class, backing));
        assertEquals("c", copy.getJMSCorrelationID());
        assertEquals("t", copy.getJMSType());
        assertEquals(2, copy.getJMSPriority());
        assertEquals(new dev.petrel.client.PetrelTopic("foreign.topic"), copy.getJMSReplyTo());
    }

    @Test
    void propertiesAreCopiedWithTheirTypes() throws JMSException {
        PetrelMessage backing = new PetrelMessage();
        backing.setShortProperty("s", (short) 3);
        backing.setStringProperty("JMSXGroupID", "g");
        PetrelMessage copy = PetrelMessage.copyOf(foreign(Message.class, backing));
        assertEquals((short) 3, copy.getObjectProperty("s"));
        assertEquals("g", copy.getStringProperty("JMSXGroupID"));
    }

    @Test
    void providerSetJmsxPropertiesAreNotCopied() throws JMSException {
        PetrelMessage received = Messages.received(new PetrelMessage(), 2, true);
        PetrelMessage copy = PetrelMessage.copyOf(foreign(Message.class, received));
        assertFalse(copy.propertyExists("JMSXDeliveryCount"));
    }

    @Test
    void theCopyIsWritableEvenWhenTheOriginalWasReceived() throws JMSException {
        PetrelMessage received = Messages.received(new PetrelTextMessage("x"));
        PetrelTextMessage copy = (PetrelTextMessage) PetrelMessage.copyOf(foreign(TextMessage.class, received));
        copy.setText("y");
        copy.setIntProperty("p", 1);
        assertEquals("y", copy.getText());
    }

    @Test
    void aTextMessageIsCopiedWithItsText() throws JMSException {
        PetrelMessage copy = PetrelMessage.copyOf(foreign(TextMessage.class, new PetrelTextMessage("hi")));
        assertEquals("hi", assertInstanceOf(PetrelTextMessage.class, copy).getText());
    }

    @Test
    void aBytesMessageInWriteModeIsCopiedWithAllItsBytes() throws JMSException {
        PetrelBytesMessage backing = new PetrelBytesMessage();
        byte[] content = new byte[20_000];
        new java.util.Random(5).nextBytes(content);
        backing.writeBytes(content);
        PetrelBytesMessage copy = assertInstanceOf(PetrelBytesMessage.class,
                PetrelMessage.copyOf(foreign(BytesMessage.class, backing)));
        assertArrayEquals(content, copy.getBody(byte[].class));
    }

    @Test
    void aPartlyReadBytesMessageIsCopiedFromItsStart() throws JMSException {
        PetrelBytesMessage backing = new PetrelBytesMessage();
        backing.writeInt(1);
        backing.writeInt(2);
        backing.reset();
        backing.readInt();
        PetrelBytesMessage copy = (PetrelBytesMessage) PetrelMessage.copyOf(foreign(BytesMessage.class, backing));
        copy.reset();
        assertEquals(1, copy.readInt());
    }

    @Test
    void aMapMessageIsCopiedWithEveryEntry() throws JMSException {
        PetrelMapMessage backing = new PetrelMapMessage();
        backing.setChar("c", 'x');
        backing.setBytes("b", new byte[] {1});
        backing.setLong("l", 5L);
        PetrelMapMessage copy = assertInstanceOf(PetrelMapMessage.class,
                PetrelMessage.copyOf(foreign(MapMessage.class, backing)));
        assertEquals('x', copy.getChar("c"));
        assertArrayEquals(new byte[] {1}, copy.getBytes("b"));
        assertEquals(5L, copy.getLong("l"));
    }

    @Test
    void aStreamMessageIsCopiedWithEveryValueInOrder() throws JMSException {
        PetrelStreamMessage backing = new PetrelStreamMessage();
        backing.writeString("a");
        backing.writeBytes(new byte[] {2});
        backing.writeObject(null);
        backing.writeDouble(3.5);
        PetrelStreamMessage copy = assertInstanceOf(PetrelStreamMessage.class,
                PetrelMessage.copyOf(foreign(StreamMessage.class, backing)));
        copy.reset();
        assertEquals("a", copy.readObject());
        assertArrayEquals(new byte[] {2}, (byte[]) copy.readObject());
        assertEquals(null, copy.readObject());
        assertEquals(3.5, copy.readObject());
    }

    @Test
    void anObjectMessageIsCopiedWithItsObject() throws JMSException {
        PetrelObjectMessage backing = new PetrelObjectMessage();
        backing.setObject(new ArrayList<>(List.of("z")));
        PetrelObjectMessage copy = assertInstanceOf(PetrelObjectMessage.class,
                PetrelMessage.copyOf(foreign(ObjectMessage.class, backing)));
        assertEquals(List.of("z"), copy.getObject());
    }

    @Test
    void aCopyCanBeSnapshotForSending() throws JMSException {
        PetrelMessage copy = PetrelMessage.copyOf(foreign(TextMessage.class, new PetrelTextMessage("s")));
        copy.setJMSDestination(new PetrelQueue("q"));
        assertEquals("s", TextBodyCodec.decode(copy.toData().body()));
    }
}
