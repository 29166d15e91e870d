package dev.petrel.tck.message;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Jakarta Messaging 3.1 §3.5: message properties. */
class PropertyTest extends MessageTestSupport {

    @Test
    void getPropertyNamesEnumeratesExactlyTheSetPropertiesOfANewMessage() throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "2");
        m.setBooleanProperty("c", true);
        assertEquals(Set.of("a", "b", "c"), new HashSet<>(Collections.list(m.getPropertyNames())));
    }

    @Test
    void getPropertyNamesOfAReceivedMessageIncludesTheSentPropertiesAndNoHeaderFields() throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("a", 1);
        m.setStringProperty("b", "2");
        m.setJMSType("type");
        m.setJMSCorrelationID("corr");
        Set<Object> names = new HashSet<>(Collections.list(roundTrip(m).getPropertyNames()));
        assertTrue(names.containsAll(Set.of("a", "b")), "missing properties in " + names);
        for (Object name : names) {
            assertFalse(String.valueOf(name).startsWith("JMS") && !String.valueOf(name).startsWith("JMSX")
                    && !String.valueOf(name).startsWith("JMS_"), "header field listed as a property: " + name);
        }
    }

    @Test
    void propertyExistsIsTrueOnlyForSetProperties() throws JMSException {
        Message m = session.createMessage();
        m.setStringProperty("present", null);
        Message r = roundTrip(m);
        assertTrue(r.propertyExists("present"));
        assertFalse(r.propertyExists("absent"));
    }

    @Test
    void propertiesOfEveryTypeRoundTripThroughAQueue() throws JMSException {
        Message m = session.createMessage();
        m.setBooleanProperty("bool", true);
        m.setByteProperty("byte", (byte) -1);
        m.setShortProperty("short", (short) 300);
        m.setIntProperty("int", -70000);
        m.setLongProperty("long", Long.MIN_VALUE);
        m.setFloatProperty("float", 0.25f);
        m.setDoubleProperty("double", 1e100);
        m.setStringProperty("string", "ünïcødé");
        Message r = roundTrip(m);
        assertTrue(r.getBooleanProperty("bool"));
        assertEquals(-1, r.getByteProperty("byte"));
        assertEquals(300, r.getShortProperty("short"));
        assertEquals(-70000, r.getIntProperty("int"));
        assertEquals(Long.MIN_VALUE, r.getLongProperty("long"));
        assertEquals(0.25f, r.getFloatProperty("float"));
        assertEquals(1e100, r.getDoubleProperty("double"));
        assertEquals("ünïcødé", r.getStringProperty("string"));
    }

    @Test
    void getObjectPropertyReturnsTheObjectifiedPrimitive() throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("int", 5);
        m.setLongProperty("long", 6L);
        m.setBooleanProperty("bool", false);
        m.setDoubleProperty("double", 7.5d);
        Message r = roundTrip(m);
        assertEquals(Integer.valueOf(5), r.getObjectProperty("int"));
        assertEquals(Long.valueOf(6L), r.getObjectProperty("long"));
        assertEquals(Boolean.FALSE, r.getObjectProperty("bool"));
        assertEquals(Double.valueOf(7.5d), r.getObjectProperty("double"));
    }

    @Test
    void setObjectPropertyOfAnUnsupportedTypeThrowsMessageFormatException() throws JMSException {
        Message m = session.createMessage();
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("list", new ArrayList<>()));
    }

    @Test
    void setObjectPropertyOfAByteArrayThrowsMessageFormatException() throws JMSException {
        Message m = session.createMessage();
        assertThrows(MessageFormatException.class, () -> m.setObjectProperty("bytes", new byte[] {1}));
    }

    @Test
    void missingPropertyReadsAsNullObjectAndNullString() throws JMSException {
        Message m = session.createMessage();
        assertNull(m.getObjectProperty("absent"));
        assertNull(m.getStringProperty("absent"));
    }

    @Test
    void missingPropertyReadsAsFalseBoolean() throws JMSException {
        assertFalse(session.createMessage().getBooleanProperty("absent"));
    }

    @Test
    void missingPropertyReadAsAnIntegralTypeThrowsNumberFormatException() throws JMSException {
        Message m = session.createMessage();
        assertThrows(NumberFormatException.class, () -> m.getByteProperty("absent"));
        assertThrows(NumberFormatException.class, () -> m.getShortProperty("absent"));
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("absent"));
        assertThrows(NumberFormatException.class, () -> m.getLongProperty("absent"));
    }

    @Test
    void stringPropertyThatIsNotANumberThrowsNumberFormatExceptionWhenReadAsInt() throws JMSException {
        Message m = session.createMessage();
        m.setStringProperty("s", "not a number");
        assertThrows(NumberFormatException.class, () -> m.getIntProperty("s"));
    }

    @Test
    void settingAPropertyAgainReplacesItsValueAndType() throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("p", 1);
        m.setStringProperty("p", "two");
        assertEquals("two", m.getObjectProperty("p"));
    }

    @Test
    void propertiesOfAReceivedMessageAreReadOnly() throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("p", 1);
        Message r = roundTrip(m);
        assertThrows(MessageNotWriteableException.class, () -> r.setIntProperty("p", 2));
        assertThrows(MessageNotWriteableException.class, () -> r.setStringProperty("q", "x"));
        assertThrows(MessageNotWriteableException.class, () -> r.setObjectProperty("q", 1));
    }

    @Test
    void clearPropertiesRemovesThePropertiesAndMakesThemWritable() throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("p", 1);
        Message r = roundTrip(m);
        r.clearProperties();
        assertFalse(r.propertyExists("p"));
        r.setIntProperty("q", 2);
        assertEquals(2, r.getIntProperty("q"));
    }

    @Test
    void clearPropertiesLeavesTheBodyInPlace() throws JMSException {
        TextMessage m = session.createTextMessage("body");
        m.setIntProperty("p", 1);
        m.clearProperties();
        assertEquals("body", m.getText());
    }

    @Test
    void nullPropertyNameThrowsIllegalArgumentException() throws JMSException {
        Message m = session.createMessage();
        assertThrows(IllegalArgumentException.class, () -> m.setStringProperty(null, "v"));
    }

    @Test
    void emptyPropertyNameThrowsIllegalArgumentException() throws JMSException {
        Message m = session.createMessage();
        assertThrows(IllegalArgumentException.class, () -> m.setIntProperty("", 1));
    }

    /** §3.5.1: property names must obey the rules for a message selector identifier. */
    @ParameterizedTest
    @ValueSource(strings = {"1starts_with_digit", "has space", "has-dash", "has.dot", "NULL", "TRUE", "FALSE", "NOT",
        "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE"})
    void propertyNameThatIsNotASelectorIdentifierIsRejected(String name) throws JMSException {
        Message m = session.createMessage();
        try {
            m.setStringProperty(name, "v");
            fail("property name '" + name + "' is not a valid selector identifier but was accepted");
        } catch (IllegalArgumentException | JMSException expected) {
            // Either is a rejection: the specification names no exception type for this case.
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "_underscore", "$dollar", "camelCase123", "ünïcode", "nullable", "Order_ID"})
    void propertyNameThatIsAValidIdentifierIsAccepted(String name) throws JMSException {
        Message m = session.createMessage();
        m.setStringProperty(name, "v");
        assertEquals("v", roundTrip(m).getStringProperty(name));
    }

    @Test
    void propertyNamesAreCaseSensitive() throws JMSException {
        Message m = session.createMessage();
        m.setIntProperty("name", 1);
        m.setIntProperty("NAME", 2);
        Message r = roundTrip(m);
        assertEquals(1, r.getIntProperty("name"));
        assertEquals(2, r.getIntProperty("NAME"));
    }

    @Test
    void jmsxGroupIdAndGroupSeqArePassedThrough() throws JMSException {
        Message m = session.createMessage();
        m.setStringProperty("JMSXGroupID", "group-1");
        m.setIntProperty("JMSXGroupSeq", 3);
        Message r = roundTrip(m);
        assertEquals("group-1", r.getStringProperty("JMSXGroupID"));
        assertEquals(3, r.getIntProperty("JMSXGroupSeq"));
    }

    @Test
    void manyPropertiesSurviveTheTrip() throws JMSException {
        Message m = session.createMessage();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            m.setIntProperty("p" + i, i);
            names.add("p" + i);
        }
        Message r = roundTrip(m);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, r.getIntProperty(names.get(i)));
        }
    }
}
