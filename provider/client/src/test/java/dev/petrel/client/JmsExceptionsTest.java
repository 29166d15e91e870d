package dev.petrel.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.MessageNotWriteableRuntimeException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.ResourceAllocationRuntimeException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.TransactionRolledBackException;
import jakarta.jms.TransactionRolledBackRuntimeException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

class JmsExceptionsTest {

    @Test
    void eachCheckedExceptionBecomesTheRuntimeExceptionTheSpecPairsWithIt() {
        assertInstanceOf(IllegalStateRuntimeException.class, JmsExceptions.toRuntime(new IllegalStateException("x")));
        assertInstanceOf(InvalidClientIDRuntimeException.class, JmsExceptions.toRuntime(new InvalidClientIDException("x")));
        assertInstanceOf(InvalidDestinationRuntimeException.class, JmsExceptions.toRuntime(new InvalidDestinationException("x")));
        assertInstanceOf(InvalidSelectorRuntimeException.class, JmsExceptions.toRuntime(new InvalidSelectorException("x")));
        assertInstanceOf(JMSSecurityRuntimeException.class, JmsExceptions.toRuntime(new JMSSecurityException("x")));
        assertInstanceOf(MessageFormatRuntimeException.class, JmsExceptions.toRuntime(new MessageFormatException("x")));
        assertInstanceOf(MessageNotWriteableRuntimeException.class, JmsExceptions.toRuntime(new MessageNotWriteableException("x")));
        assertInstanceOf(ResourceAllocationRuntimeException.class, JmsExceptions.toRuntime(new ResourceAllocationException("x")));
        assertInstanceOf(TransactionInProgressRuntimeException.class, JmsExceptions.toRuntime(new TransactionInProgressException("x")));
        assertInstanceOf(TransactionRolledBackRuntimeException.class, JmsExceptions.toRuntime(new TransactionRolledBackException("x")));
    }

    @Test
    void plainJmsExceptionBecomesJmsRuntimeException() {
        assertEquals(JMSRuntimeException.class, JmsExceptions.toRuntime(new JMSException("x")).getClass());
    }

    @Test
    void conversionKeepsMessageErrorCodeAndCause() {
        JMSException original = new InvalidDestinationException("queue 'q' does not exist", "E42");
        JMSRuntimeException converted = JmsExceptions.toRuntime(original);
        assertEquals("queue 'q' does not exist", converted.getMessage());
        assertEquals("E42", converted.getErrorCode());
        assertSame(original, converted.getCause());
    }

    @Test
    void unwrapFindsTheJmsExceptionInsideCompletionAndExecutionExceptions() {
        JMSException original = new InvalidDestinationException("gone");
        assertSame(original, JmsExceptions.unwrap(new CompletionException(new ExecutionException(original))));
    }

    @Test
    void unwrapWrapsOtherFailuresInAJmsExceptionWithTheCause() {
        RuntimeException failure = new RuntimeException("boom");
        JMSException unwrapped = JmsExceptions.unwrap(new CompletionException(failure));
        assertSame(failure, unwrapped.getCause());
        assertSame(failure, unwrapped.getLinkedException());
    }
}
