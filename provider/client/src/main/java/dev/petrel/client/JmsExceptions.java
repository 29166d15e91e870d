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

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Converts between the checked JMS exceptions of the classic API and the unchecked ones of the
 * simplified API ({@code JMSContext}), and unwraps exceptions from completion stages. Stateless.
 */
public final class JmsExceptions {

    private JmsExceptions() {
    }

    /** The {@code JMSRuntimeException} subclass the spec pairs with {@code e}'s class, with the same message, error code and {@code e} as cause. */
    public static JMSRuntimeException toRuntime(JMSException e) {
        String message = e.getMessage();
        String code = e.getErrorCode();
        JMSRuntimeException converted;
        if (e instanceof IllegalStateException) {
            converted = new IllegalStateRuntimeException(message, code, e);
        } else if (e instanceof InvalidClientIDException) {
            converted = new InvalidClientIDRuntimeException(message, code, e);
        } else if (e instanceof InvalidDestinationException) {
            converted = new InvalidDestinationRuntimeException(message, code, e);
        } else if (e instanceof InvalidSelectorException) {
            converted = new InvalidSelectorRuntimeException(message, code, e);
        } else if (e instanceof JMSSecurityException) {
            converted = new JMSSecurityRuntimeException(message, code, e);
        } else if (e instanceof MessageFormatException) {
            converted = new MessageFormatRuntimeException(message, code, e);
        } else if (e instanceof MessageNotWriteableException) {
            converted = new MessageNotWriteableRuntimeException(message, code, e);
        } else if (e instanceof ResourceAllocationException) {
            converted = new ResourceAllocationRuntimeException(message, code, e);
        } else if (e instanceof TransactionInProgressException) {
            converted = new TransactionInProgressRuntimeException(message, code, e);
        } else if (e instanceof TransactionRolledBackException) {
            converted = new TransactionRolledBackRuntimeException(message, code, e);
        } else {
            converted = new JMSRuntimeException(message, code, e);
        }
        return converted;
    }

    /**
     * The JMS exception behind a failed stage or future: the {@code JMSException} cause when there is
     * one, else a {@code JMSException} describing {@code failure} with it as linked exception and cause.
     */
    public static JMSException unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof JMSException jms) {
            return jms;
        }
        if (t instanceof JMSRuntimeException runtime && runtime.getCause() instanceof JMSException jms) {
            return jms;
        }
        return wrap(t.toString(), t);
    }

    /** A {@code JMSException} with {@code cause} as both cause and linked exception (when it is an {@code Exception}). */
    public static JMSException wrap(String message, Throwable cause) {
        JMSException e = new JMSException(message);
        e.initCause(cause);
        if (cause instanceof Exception exception) {
            e.setLinkedException(exception);
        }
        return e;
    }

    /** {@code jakarta.jms.IllegalStateException} saying that {@code what} is closed. */
    public static IllegalStateException closed(String what) {
        return new IllegalStateException(what + " is closed");
    }
}
