package dev.petrel.management;

/**
 * The request is well formed but conflicts with the broker's state: deleting a durable
 * subscription that has active consumers, moving messages into the backlog they come from,
 * creating a destination that exists. The REST layer answers 409.
 */
public class ManagementConflictException extends ManagementException {

    private static final long serialVersionUID = 1L;

    public ManagementConflictException(String message) {
        super(message);
    }
}
