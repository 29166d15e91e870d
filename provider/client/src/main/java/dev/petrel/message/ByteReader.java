package dev.petrel.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads what {@link ByteWriter} wrote, checking every length against the bytes that remain, so
 * malformed input fails with an {@link IllegalArgumentException} naming the offset instead of an
 * index error or an enormous allocation. Not thread-safe.
 */
final class ByteReader {
    private final byte[] data;
    private final String what;
    private int position;

    /** @param what what the bytes are, for error messages ("message", "map body", ...) */
    ByteReader(byte[] data, String what) {
        if (data == null) {
            throw new IllegalArgumentException("malformed " + what + ": null instead of bytes");
        }
        this.data = data;
        this.what = what;
    }

    int position() {
        return position;
    }

    int remaining() {
        return data.length - position;
    }

    boolean atEnd() {
        return position == data.length;
    }

    /** An IllegalArgumentException saying what was wrong at {@code offset}. */
    IllegalArgumentException malformed(int offset, String reason) {
        return new IllegalArgumentException("malformed " + what + " at offset " + offset + " of "
                + data.length + ": " + reason);
    }

    private void require(int count, String field) {
        if (count > data.length - position) {
            throw malformed(position, "truncated: " + field + " needs " + count + " bytes but only "
                    + (data.length - position) + " remain");
        }
    }

    byte readByte(String field) {
        require(1, field);
        return data[position++];
    }

    boolean readBoolean(String field) {
        int at = position;
        byte b = readByte(field);
        if (b != 0 && b != 1) {
            throw malformed(at, field + " must be a boolean byte 0 or 1, was " + b);
        }
        return b == 1;
    }

    short readShort(String field) {
        require(2, field);
        int v = ((data[position] & 0xFF) << 8) | (data[position + 1] & 0xFF);
        position += 2;
        return (short) v;
    }

    int readInt(String field) {
        require(4, field);
        int v = ((data[position] & 0xFF) << 24) | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8) | (data[position + 3] & 0xFF);
        position += 4;
        return v;
    }

    long readLong(String field) {
        long high = readInt(field) & 0xFFFFFFFFL;
        long low = readInt(field) & 0xFFFFFFFFL;
        return (high << 32) | low;
    }

    /** A non-negative unsigned LEB128 int. */
    int readVarInt(String field) {
        int at = position;
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = readByte(field);
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (result < 0 || (shift == 28 && (b & 0x70) != 0)) {
                    throw malformed(at, field + " is out of range (above " + Integer.MAX_VALUE + ")");
                }
                return result;
            }
        }
        throw malformed(at, field + " is a variable-length integer longer than 5 bytes");
    }

    long readVarLong(String field) {
        int at = position;
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            byte b = readByte(field);
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw malformed(at, field + " is a variable-length long longer than 10 bytes");
    }

    /** A length that must fit in the remaining bytes. */
    int readLength(String field) {
        int at = position;
        int length = readVarInt(field + " length");
        if (length > remaining()) {
            throw malformed(at, field + " length " + length + " exceeds the " + remaining() + " bytes that remain");
        }
        return length;
    }

    /** A count of items, each taking at least {@code minItemSize} bytes, checked against what remains. */
    int readCount(String field, int minItemSize) {
        int at = position;
        int count = readVarInt(field);
        if ((long) count * minItemSize > remaining()) {
            throw malformed(at, field + " " + count + " cannot fit in the " + remaining() + " bytes that remain");
        }
        return count;
    }

    byte[] readBytes(String field) {
        int length = readLength(field);
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return value;
    }

    String readString(String field) {
        int length = readLength(field);
        String value = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    void expectEnd() {
        if (!atEnd()) {
            throw malformed(position, remaining() + " unexpected trailing bytes");
        }
    }
}
