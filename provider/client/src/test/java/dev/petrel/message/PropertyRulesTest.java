package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyRulesTest {

    @Test
    void aNullPropertyNameIsRejectedWithIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelMessage().setIntProperty(null, 1));
    }

    @Test
    void anEmptyPropertyNameIsRejectedWithIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelMessage().setStringProperty("", "x"));
    }

    @ParameterizedTest(name = "property name ''{0}'' is not a Java identifier")
    @ValueSource(strings = {"1abc", "a-b", "a b", "a.b", "$a#", "é-x"})
    void aNameThatIsNotAJavaIdentifierIsRejected(String name) {
        assertThrows(IllegalArgumentException.class, () -> new PetrelMessage().setIntProperty(name, 1));
    }

    @ParameterizedTest(name = "selector keyword {0} is not a property name")
    @ValueSource(strings = {"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE",
            "null", "Between", "escape"})
    void aSelectorKeywordIsRejectedAsAPropertyName(String name) {
        assertThrows(IllegalArgumentException.class, () -> new PetrelMessage().setIntProperty(name, 1));
    }

    @ParameterizedTest(name = "''{0}'' is a valid property name")
    @ValueSource(strings = {"a", "_x", "$y", "order_id2", "JMS_petrel_x", "straße", "INDEX", "ORDER"})
    void aJavaIdentifierThatIsNotAKeywordIsAccepted(String name) {
        assertDoesNotThrow(() -> new PetrelMessage().setIntProperty(name, 1));
    }

    @Test
    void setObjectPropertyAcceptsEveryBoxedPropertyType() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        List<Object> values = List.of(true, (byte) 1, (short) 2, 3, 4L, 5f, 6d, "s");
        for (int i = 0; i < values.size(); i++) {
            m.setObjectProperty("p" + i, values.get(i));
            assertEquals(values.get(i), m.getObjectProperty("p" + i));
        }
    }

    @Test
    void setObjectPropertyRejectsACharacterWithMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelMessage().setObjectProperty("p", 'c'));
    }

    @Test
    void setObjectPropertyRejectsAByteArrayWithMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelMessage().setObjectProperty("p", new byte[1]));
    }

    @Test
    void setObjectPropertyRejectsAnArbitraryObjectWithMessageFormatException() {
        assertThrows(MessageFormatException.class, () -> new PetrelMessage().setObjectProperty("p", List.of()));
    }

    @Test
    void propertyExistsIsTrueOnlyForSetProperties() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setIntProperty("there", 1);
        assertTrue(m.propertyExists("there"));
        assertFalse(m.propertyExists("absent"));
    }

    @Test
    void getPropertyNamesListsTheSetPropertiesInOrder() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setIntProperty("b", 1);
        m.setStringProperty("a", "x");
        assertEquals(List.of("b", "a"), Collections.list(m.getPropertyNames()));
    }

    @Test
    void settingAPropertyTwiceKeepsTheLastValue() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setIntProperty("p", 1);
        m.setStringProperty("p", "two");
        assertEquals("two", m.getObjectProperty("p"));
    }

    @Test
    void aReceivedMessageHasJmsxDeliveryCountAmongItsPropertyNames() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setIntProperty("app", 1);
        PetrelMessage received = Messages.received(m, 3, true);
        assertEquals(List.of("app", "JMSXDeliveryCount"), Collections.list(received.getPropertyNames()));
        assertEquals(3, received.getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    void theApplicationMaySetJmsxGroupIdAndGroupSeq() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setStringProperty("JMSXGroupID", "g");
        m.setIntProperty("JMSXGroupSeq", 7);
        assertEquals("g", m.getStringProperty("JMSXGroupID"));
        assertEquals(7, m.getIntProperty("JMSXGroupSeq"));
    }

    @Test
    void jmsxGroupSeqMustBeAnInt() {
        assertThrows(MessageFormatException.class, () -> new PetrelMessage().setStringProperty("JMSXGroupSeq", "7"));
    }

    @Test
    void jmsxGroupIdMustBeAString() {
        assertThrows(MessageFormatException.class, () -> new PetrelMessage().setIntProperty("JMSXGroupID", 7));
    }

    @Test
    void theApplicationMayNotSetAProviderJmsxProperty() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelMessage().setIntProperty("JMSXDeliveryCount", 2));
    }

    @Test
    void theProviderMaySetAJmsxProperty() {
        PetrelMessage m = new PetrelMessage();
        m.setProviderProperty("JMSXUserID", "alice");
        assertEquals("alice", m.getObjectProperty("JMSXUserID"));
    }

    @Test
    void aReceivedMessagesPropertiesAreReadOnly() throws JMSException {
        PetrelMessage received = Messages.received(new PetrelMessage());
        assertThrows(MessageNotWriteableException.class, () -> received.setIntProperty("p", 1));
    }

    @Test
    void aReceivedMessagesPropertiesRejectSetObjectPropertyToo() throws JMSException {
        PetrelMessage received = Messages.received(new PetrelMessage());
        assertThrows(MessageNotWriteableException.class, () -> received.setObjectProperty("p", "x"));
    }

    @Test
    void clearPropertiesRemovesEveryPropertyIncludingJmsx() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setIntProperty("p", 1);
        PetrelMessage received = Messages.received(m);
        received.clearProperties();
        assertFalse(received.getPropertyNames().hasMoreElements());
    }

    @Test
    void clearPropertiesMakesAReceivedMessagesPropertiesWritable() throws JMSException {
        PetrelMessage received = Messages.received(new PetrelMessage());
        received.clearProperties();
        received.setIntProperty("p", 1);
        assertEquals(1, received.getIntProperty("p"));
    }

    @Test
    void clearPropertiesKeepsTheHeaders() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setJMSType("t");
        m.setIntProperty("p", 1);
        m.clearProperties();
        assertEquals("t", m.getJMSType());
    }

    @Test
    void clearBodyLeavesAReceivedMessagesPropertiesReadOnly() throws JMSException {
        PetrelMessage received = Messages.received(new PetrelMessage());
        received.clearBody();
        assertThrows(MessageNotWriteableException.class, () -> received.setIntProperty("p", 1));
    }

    @Test
    void aNullStringPropertyExistsAndReadsAsNull() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setStringProperty("p", null);
        assertTrue(m.propertyExists("p"));
        assertNull(m.getStringProperty("p"));
    }

    @Test
    void propertyExistsOfNullIsFalse() {
        assertFalse(new PetrelMessage().propertyExists(null));
    }
}
