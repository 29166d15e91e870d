package dev.petrel.selector;

import jakarta.jms.DeliveryMode;
import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.message;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.truth;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorHeaderTest {

    @Test
    void persistentDeliveryModeReadsAsPersistent() {
        assertTrue(selects("JMSDeliveryMode = 'PERSISTENT'", message().deliveryMode(DeliveryMode.PERSISTENT).build()));
    }

    @Test
    void nonPersistentDeliveryModeReadsAsNonPersistent() {
        assertTrue(selects("JMSDeliveryMode = 'NON_PERSISTENT'",
                message().deliveryMode(DeliveryMode.NON_PERSISTENT).build()));
    }

    @Test
    void deliveryModeIsNotItsNumericCode() {
        assertFalse(selects("JMSDeliveryMode = 2", message().deliveryMode(DeliveryMode.PERSISTENT).build()));
    }

    @Test
    void deliveryModeWorksWithIn() {
        assertTrue(selects("JMSDeliveryMode IN ('PERSISTENT')", message().deliveryMode(DeliveryMode.PERSISTENT).build()));
    }

    @Test
    void priorityIsNumeric() {
        assertTrue(selects("JMSPriority > 6", message().priority(7).build()));
    }

    @Test
    void priorityWorksWithBetween() {
        assertFalse(selects("JMSPriority BETWEEN 0 AND 4", message().priority(9).build()));
    }

    @Test
    void messageIdIsAString() {
        assertTrue(selects("JMSMessageID = 'ID:42'", message().messageId("ID:42").build()));
    }

    @Test
    void absentMessageIdIsNull() {
        assertEquals("UNKNOWN", truth("JMSMessageID = 'ID:42'", empty()));
    }

    @Test
    void timestampIsNumeric() {
        assertTrue(selects("JMSTimestamp >= 1700000000000", message().timestamp(1700000000001L).build()));
    }

    @Test
    void correlationIdIsAString() {
        assertTrue(selects("JMSCorrelationID LIKE 'order-%'", message().correlationId("order-7").build()));
    }

    @Test
    void absentCorrelationIdIsNull() {
        assertTrue(selects("JMSCorrelationID IS NULL", empty()));
    }

    @Test
    void typeIsAString() {
        assertTrue(selects("JMSType = 'car'", message().type("car").build()));
    }

    @Test
    void absentTypeIsNull() {
        assertEquals("UNKNOWN", truth("JMSType = 'car'", empty()));
    }

    @Test
    void headerNamesAreCaseSensitiveSoOtherCasingIsAProperty() {
        assertEquals("UNKNOWN", truth("jmspriority = 4", message().priority(4).build()));
    }

    @Test
    void headerIsReadFromTheMessageNotFromASameNamedProperty() {
        assertTrue(selects("JMSPriority = 4", message().priority(4).property("JMSPriority", 9).build()));
    }

    @Test
    void jmsxPropertyIsReadFromProperties() {
        assertTrue(selects("JMSXGroupID = 'g1'", with("JMSXGroupID", "g1")));
    }

    @Test
    void providerSpecificPropertyIsReadFromProperties() {
        assertTrue(selects("JMS_PetrelHint = 3", with("JMS_PetrelHint", 3)));
    }

    @Test
    void nonSelectableHeaderIsAnAbsentProperty() {
        assertTrue(selects("JMSDestination IS NULL", empty()));
    }

    @Test
    void redeliveredIsNotSelectableAndIsNull() {
        assertEquals("UNKNOWN", truth("JMSRedelivered = FALSE", empty()));
    }

    @Test
    void expirationIsNotSelectableAndIsNull() {
        assertTrue(selects("JMSExpiration IS NULL", empty()));
    }
}
