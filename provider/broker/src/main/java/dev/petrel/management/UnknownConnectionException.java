package dev.petrel.management;

/** No open client connection has that id (it may have closed). */
public class UnknownConnectionException extends UnknownObjectException {

    private static final long serialVersionUID = 1L;

    public UnknownConnectionException(String connectionId) {
        super("no open connection with id '" + connectionId + "'");
    }
}
