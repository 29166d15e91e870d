package dev.petrel.protocol;

import jakarta.jms.JMSException;

/**
 * An XA call the broker refused or could not complete, carrying the {@code XAException} error code
 * ({@code XAER_NOTA}, {@code XAER_PROTO}, {@code XA_RBROLLBACK}, {@code XA_RBTIMEOUT},
 * {@code XA_HEURCOM}, ...) through the {@link BrokerConnection} SPI and the wire (as the JMS error
 * code, in decimal). The client's {@code XAResource} turns it back into an {@code XAException}
 * with the same code.
 */
public class XaFailureException extends JMSException {
    private static final long serialVersionUID = 1L;

    private final int xaErrorCode;

    public XaFailureException(String reason, int xaErrorCode) {
        super(reason, Integer.toString(xaErrorCode));
        this.xaErrorCode = xaErrorCode;
    }

    /** The form the wire rebuilds: the error code is the XA code in decimal (XAER_RMERR when it is not one). */
    public XaFailureException(String reason, String errorCode) {
        this(reason, parse(errorCode));
    }

    private static int parse(String errorCode) {
        try {
            return errorCode == null ? javax.transaction.xa.XAException.XAER_RMERR : Integer.parseInt(errorCode);
        } catch (NumberFormatException e) {
            return javax.transaction.xa.XAException.XAER_RMERR;
        }
    }

    /** The {@code javax.transaction.xa.XAException} error code. */
    public int xaErrorCode() {
        return xaErrorCode;
    }
}
