package dev.petrel.tck.context;

import dev.petrel.tck.TckTest;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 JMSProducer: fluent settings, message properties and header fields. */
class JmsProducerTest extends TckTest {

    private Message sendAndReceive(JMSContext ctx, JMSProducer producer, String text) {
        Queue q = ctx.createQueue(uniqueName());
        producer.send(q, text);
        Message m = ctx.createConsumer(q).receive(TIMEOUT_MS);
        assertNotNull(m, "the message did not arrive");
        return m;
    }

    @Test
    void producerDefaultsArePersistentPriorityFourNoExpiryNoDelay() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer();
            assertEquals(DeliveryMode.PERSISTENT, p.getDeliveryMode());
            assertEquals(4, p.getPriority());
            assertEquals(0L, p.getTimeToLive());
            assertEquals(0L, p.getDeliveryDelay());
            assertFalse(p.getDisableMessageID());
            assertFalse(p.getDisableMessageTimestamp());
            assertNull(p.getAsync());
            assertNull(p.getJMSCorrelationID());
            assertNull(p.getJMSType());
            assertNull(p.getJMSReplyTo());
            assertTrue(p.getPropertyNames().isEmpty());
        }
    }

    @Test
    void settersReturnTheSameProducerForChaining() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer();
            assertSame(p, p.setPriority(7));
            assertSame(p, p.setDeliveryMode(DeliveryMode.NON_PERSISTENT));
            assertSame(p, p.setTimeToLive(1000));
            assertSame(p, p.setProperty("a", 1));
            assertSame(p, p.setJMSType("t"));
        }
    }

    @Test
    void propertiesSetOnTheProducerArriveOnTheMessage() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer()
                    .setProperty("bool", true)
                    .setProperty("byte", (byte) 1)
                    .setProperty("short", (short) 2)
                    .setProperty("int", 3)
                    .setProperty("long", 4L)
                    .setProperty("float", 5.5f)
                    .setProperty("double", 6.5d)
                    .setProperty("string", "seven")
                    .setProperty("object", (Object) 8);
            Message m = sendAndReceive(ctx, p, "with properties");
            assertTrue(m.getBooleanProperty("bool"));
            assertEquals(1, m.getByteProperty("byte"));
            assertEquals(2, m.getShortProperty("short"));
            assertEquals(3, m.getIntProperty("int"));
            assertEquals(4L, m.getLongProperty("long"));
            assertEquals(5.5f, m.getFloatProperty("float"));
            assertEquals(6.5d, m.getDoubleProperty("double"));
            assertEquals("seven", m.getStringProperty("string"));
            assertEquals(8, m.getIntProperty("object"));
        }
    }

    @Test
    void producerPropertiesFollowTheConversionTable() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer().setProperty("i", 42).setProperty("s", "17");
            assertEquals("42", p.getStringProperty("i"));
            assertEquals(42L, p.getLongProperty("i"));
            assertEquals(17, p.getIntProperty("s"));
            assertEquals(Integer.valueOf(42), p.getObjectProperty("i"));
            assertThrows(MessageFormatRuntimeException.class, () -> p.getBooleanProperty("i"));
            assertThrows(MessageFormatRuntimeException.class, () -> p.getShortProperty("i"));
        }
    }

    @Test
    void producerPropertyNamesExistenceAndClearing() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer().setProperty("a", 1).setProperty("b", "x");
            assertEquals(Set.of("a", "b"), p.getPropertyNames());
            assertTrue(p.propertyExists("a"));
            assertFalse(p.propertyExists("c"));
            p.clearProperties();
            assertTrue(p.getPropertyNames().isEmpty());
            assertFalse(p.propertyExists("a"));
        }
    }

    @Test
    void nullOrEmptyPropertyNameThrowsIllegalArgumentException() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer();
            assertThrows(IllegalArgumentException.class, () -> p.setProperty(null, 1));
            assertThrows(IllegalArgumentException.class, () -> p.setProperty("", "v"));
        }
    }

    @Test
    void setPropertyWithAnUnsupportedObjectThrowsMessageFormatRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer();
            assertThrows(MessageFormatRuntimeException.class, () -> p.setProperty("list", new java.util.ArrayList<>()));
        }
    }

    @Test
    void headerSettersArriveOnTheMessage() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue replyTo = ctx.createQueue(uniqueName());
            JMSProducer p = ctx.createProducer()
                    .setJMSCorrelationID("corr-1")
                    .setJMSType("kind")
                    .setJMSReplyTo(replyTo);
            assertEquals("corr-1", p.getJMSCorrelationID());
            assertEquals("kind", p.getJMSType());
            assertEquals(replyTo, p.getJMSReplyTo());
            Message m = sendAndReceive(ctx, p, "with headers");
            assertEquals("corr-1", m.getJMSCorrelationID());
            assertEquals("kind", m.getJMSType());
            assertEquals(replyTo.getQueueName(), ((Queue) m.getJMSReplyTo()).getQueueName());
        }
    }

    @Test
    void deliveryModePriorityAndTimeToLiveApplyToSentMessages() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                    .setPriority(8)
                    .setTimeToLive(60_000);
            long before = System.currentTimeMillis();
            Message m = sendAndReceive(ctx, p, "qos");
            assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
            assertEquals(8, m.getJMSPriority());
            assertTrue(m.getJMSExpiration() >= before + 60_000, "JMSExpiration " + m.getJMSExpiration());
        }
    }

    @Test
    void invalidPriorityThrowsJmsRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer();
            assertThrows(JMSRuntimeException.class, () -> p.setPriority(10));
            assertThrows(JMSRuntimeException.class, () -> p.setPriority(-1));
        }
    }

    @Test
    void invalidDeliveryModeThrowsJmsRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer();
            assertThrows(JMSRuntimeException.class, () -> p.setDeliveryMode(99));
        }
    }

    @Test
    void sendToANullDestinationThrowsInvalidDestinationRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            JMSProducer p = ctx.createProducer();
            assertThrows(InvalidDestinationRuntimeException.class, () -> p.send(null, "nowhere"));
        }
    }

    @Test
    void sendOfANullMessageThrowsMessageFormatRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            JMSProducer p = ctx.createProducer();
            assertThrows(MessageFormatRuntimeException.class, () -> p.send(q, (Message) null));
        }
    }

    @Test
    void producerPropertiesOverrideThoseOfASentMessage() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            Message m = ctx.createTextMessage("x");
            m.setStringProperty("who", "message");
            m.setStringProperty("kept", "yes");
            ctx.createProducer().setProperty("who", "producer").send(q, m);
            Message r = ctx.createConsumer(q).receive(TIMEOUT_MS);
            assertNotNull(r);
            assertEquals("producer", r.getStringProperty("who"));
            assertEquals("yes", r.getStringProperty("kept"));
        }
    }

    @Test
    void deliveryDelayIsReflectedInTheDeliveryTime() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            long before = System.currentTimeMillis();
            ctx.createProducer().setDeliveryDelay(300).send(q, "delayed");
            Message m = ctx.createConsumer(q).receive(300 + TIMEOUT_MS);
            assertNotNull(m);
            assertTrue(m.getJMSDeliveryTime() >= before + 300, "JMSDeliveryTime " + m.getJMSDeliveryTime());
            assertTrue(System.currentTimeMillis() >= before + 300, "delivered before the delay elapsed");
        }
    }
}
