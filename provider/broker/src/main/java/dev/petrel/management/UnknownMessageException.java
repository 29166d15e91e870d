package dev.petrel.management;

/** No message with that id is in that backlog (it may have been consumed, expired or purged). */
public class UnknownMessageException extends UnknownObjectException {

    private static final long serialVersionUID = 1L;

    public UnknownMessageException(BacklogRef backlog, String id) {
        super("no message '" + id + "' in " + backlog.describe());
    }
}
