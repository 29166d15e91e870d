package dev.petrel.management;

/**
 * Something the request named does not exist (any more): a destination, a subscription, a message,
 * a connection. The REST layer answers 404.
 */
public class UnknownObjectException extends ManagementException {

    private static final long serialVersionUID = 1L;

    public UnknownObjectException(String message) {
        super(message);
    }
}
