package dev.petrel.protocol.wire;

import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorPayloadTest {

    @Test
    void allowListedExceptionComesBackAsTheSameTypeWithMessageAndCode() throws Exception {
        Frame frame = ErrorPayload.of(new TransactionRolledBackException("store full", "TX1")).toFrame(3);
        JMSException back = ErrorPayload.decode(frame).toException();
        assertInstanceOf(TransactionRolledBackException.class, back);
        assertEquals("store full", back.getMessage());
        assertEquals("TX1", back.getErrorCode());
    }

    @Test
    void unknownClassNameBecomesAPlainJmsExceptionAndIsNeverLoaded() {
        JMSException back = new ErrorPayload("java.lang.ProcessBuilder", "boom", null).toException();
        assertEquals(JMSException.class, back.getClass());
        assertTrue(back.getMessage().startsWith("boom"), back.getMessage());
    }

    @Test
    void subclassOutsideTheAllowListTravelsAsItsNearestAllowedSuperclass() {
        class CustomSelectorException extends InvalidSelectorException {
            CustomSelectorException() {
                super("bad selector");
            }
        }
        assertEquals(InvalidSelectorException.class.getName(),
                ErrorPayload.of(new CustomSelectorException()).exceptionClass());
    }
}
