package dev.petrel.protocol.wire;

/**
 * The bytes received are not valid Petrel protocol: a length out of bounds, an unknown frame type, a
 * truncated payload, an undecodable message. The only exception the decoders throw on bad input;
 * the receiving side closes that connection with the message as the logged reason.
 */
public class WireProtocolException extends Exception {

    public WireProtocolException(String message) {
        super(message);
    }

    public WireProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
