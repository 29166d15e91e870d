package dev.petrel.store.h2.journal;

/** A journal record passed its CRC but its payload cannot be decoded: a bug or a foreign file. */
public final class JournalCorruptException extends Exception {
    public JournalCorruptException(String message) {
        super(message);
    }

    public JournalCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
