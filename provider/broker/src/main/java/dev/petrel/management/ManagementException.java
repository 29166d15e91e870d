package dev.petrel.management;

/**
 * Base of the management API's errors. Unchecked: every {@link BrokerAdmin} method may throw one,
 * and callers (the console's REST layer) map each kind to a response.
 */
public class ManagementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ManagementException(String message) {
        super(message);
    }

    public ManagementException(String message, Throwable cause) {
        super(message, cause);
    }
}
