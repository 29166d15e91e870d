package dev.petrel.message;

/** The body kinds of JMS messages, with the byte each has in the message codec. */
public enum BodyType {
    /** A plain {@code Message}: no body. */
    NONE(0),
    TEXT(1),
    BYTES(2),
    MAP(3),
    STREAM(4),
    OBJECT(5);

    private final byte code;

    BodyType(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    public static BodyType ofCode(byte code) {
        for (BodyType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown body type code " + code);
    }
}
