package dev.petrel.message;

/**
 * The binary form of a {@link MessageData}: what the store persists and what the wire protocol
 * carries. Versioned, so that stores written by older Petrel versions stay readable.
 */
public final class MessageCodec {
    private MessageCodec() {
    }

    public static byte[] encode(MessageData message) {
        throw new UnsupportedOperationException("codec: filled in by the message work");
    }

    /** @throws IllegalArgumentException when the bytes are not a message this codec wrote, saying what is wrong */
    public static MessageData decode(byte[] encoded) {
        throw new UnsupportedOperationException("codec: filled in by the message work");
    }
}
