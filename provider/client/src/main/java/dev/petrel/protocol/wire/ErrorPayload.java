package dev.petrel.protocol.wire;

import dev.petrel.protocol.XaFailureException;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.TransactionRolledBackException;

import java.util.Map;
import java.util.function.BiFunction;

/**
 * A JMS exception as it travels in ERROR, CONSUMER_CLOSED and CONNECTION_FAILED frames: the
 * exception's class name, message and error code. The receiver rebuilds the exception only from a
 * fixed allow-list of {@code jakarta.jms} types (never by reflection on the received name); any other
 * name becomes a plain {@link JMSException} with the same message. Immutable.
 */
public record ErrorPayload(String exceptionClass, String message, String errorCode) {

    private static final Map<String, BiFunction<String, String, JMSException>> ALLOWED = Map.ofEntries(
            entry(JMSException.class, JMSException::new),
            entry(IllegalStateException.class, IllegalStateException::new),
            entry(InvalidClientIDException.class, InvalidClientIDException::new),
            entry(InvalidDestinationException.class, InvalidDestinationException::new),
            entry(InvalidSelectorException.class, InvalidSelectorException::new),
            entry(JMSSecurityException.class, JMSSecurityException::new),
            entry(MessageEOFException.class, MessageEOFException::new),
            entry(MessageFormatException.class, MessageFormatException::new),
            entry(MessageNotReadableException.class, MessageNotReadableException::new),
            entry(MessageNotWriteableException.class, MessageNotWriteableException::new),
            entry(ResourceAllocationException.class, ResourceAllocationException::new),
            entry(TransactionInProgressException.class, TransactionInProgressException::new),
            entry(TransactionRolledBackException.class, TransactionRolledBackException::new),
            entry(XaFailureException.class, XaFailureException::new));

    private static Map.Entry<String, BiFunction<String, String, JMSException>> entry(
            Class<? extends JMSException> type, BiFunction<String, String, JMSException> constructor) {
        return Map.entry(type.getName(), constructor);
    }

    /**
     * What to send for {@code exception}: its class when allowed, else the nearest allowed
     * superclass (at worst {@code jakarta.jms.JMSException}).
     */
    public static ErrorPayload of(JMSException exception) {
        Class<?> type = exception.getClass();
        while (!ALLOWED.containsKey(type.getName())) {
            type = type.getSuperclass();
        }
        return new ErrorPayload(type.getName(), exception.getMessage(), exception.getErrorCode());
    }

    /** The exception this payload describes, of an allow-listed type. */
    public JMSException toException() {
        BiFunction<String, String, JMSException> constructor = ALLOWED.get(exceptionClass);
        if (constructor == null) {
            return new JMSException(message + " (broker error type " + exceptionClass + ")", errorCode);
        }
        return constructor.apply(message, errorCode);
    }

    public void writeTo(PayloadWriter out) {
        out.writeString(exceptionClass).writeString(message).writeString(errorCode);
    }

    public static ErrorPayload read(PayloadReader in) throws WireProtocolException {
        String exceptionClass = in.readString();
        if (exceptionClass == null) {
            throw new WireProtocolException("error payload without an exception class");
        }
        return new ErrorPayload(exceptionClass, in.readString(), in.readString());
    }

    /** An ERROR frame answering {@code correlationId} (0 for a connection-level error). */
    public Frame toFrame(long correlationId) {
        PayloadWriter out = new PayloadWriter();
        writeTo(out);
        return Frame.of(FrameType.ERROR, correlationId, out.toByteArray());
    }

    /** Reads an ERROR frame's payload. */
    public static ErrorPayload decode(Frame frame) throws WireProtocolException {
        PayloadReader in = frame.reader();
        ErrorPayload error = read(in);
        in.expectEnd();
        return error;
    }
}
