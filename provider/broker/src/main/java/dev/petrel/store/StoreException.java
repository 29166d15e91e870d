package dev.petrel.store;

/** A store failure: says where (table, store queue, message id) and chains the database's exception. */
public class StoreException extends Exception {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
