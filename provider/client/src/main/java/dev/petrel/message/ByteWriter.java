package dev.petrel.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer for Petrel's binary encodings: fixed-size primitives, unsigned
 * and zig-zag variable-length integers, length-prefixed UTF-8 strings and byte arrays. Not
 * thread-safe: one writer per encoding.
 */
final class ByteWriter {
    private byte[] buffer;
    private int size;

    ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        int needed = size + extra;
        if (needed < 0) {
            throw new IllegalArgumentException("encoding exceeds the maximum array size of 2 GiB");
        }
        if (needed > buffer.length) {
            int grown = buffer.length + (buffer.length >> 1);
            if (grown < 0 || grown > Integer.MAX_VALUE - 16) {
                grown = Integer.MAX_VALUE - 16;
            }
            buffer = Arrays.copyOf(buffer, Math.max(grown, needed));
        }
    }

    void writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    void writeBoolean(boolean value) {
        writeByte(value ? 1 : 0);
    }

    void writeShort(int value) {
        ensure(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void writeInt(int value) {
        ensure(4);
        buffer[size++] = (byte) (value >>> 24);
        buffer[size++] = (byte) (value >>> 16);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    void writeLong(long value) {
        writeInt((int) (value >>> 32));
        writeInt((int) value);
    }

    /** An unsigned LEB128 length or count (1 to 5 bytes). */
    void writeVarInt(int value) {
        ensure(5);
        int v = value;
        while ((v & ~0x7F) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
    }

    /** A zig-zag LEB128 long (1 to 10 bytes), compact for small magnitudes such as 0. */
    void writeVarLong(long value) {
        ensure(10);
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
    }

    void writeBytes(byte[] value) {
        writeVarInt(value.length);
        writeRaw(value, 0, value.length);
    }

    void writeRaw(byte[] value, int offset, int length) {
        ensure(length);
        System.arraycopy(value, offset, buffer, size, length);
        size += length;
    }

    void writeString(String value) {
        writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    int size() {
        return size;
    }

    /**
     * What was written followed by {@code tail} as a length-prefixed byte array, in one exactly sized
     * array: the tail (typically a large message body) is copied once.
     */
    byte[] toByteArrayWithTail(byte[] tail) {
        writeVarInt(tail.length);
        if ((long) size + tail.length > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("encoding of " + ((long) size + tail.length)
                    + " bytes exceeds the maximum array size of 2 GiB");
        }
        byte[] result = Arrays.copyOf(buffer, size + tail.length);
        System.arraycopy(tail, 0, result, size, tail.length);
        return result;
    }

    byte[] toByteArray() {
        return buffer.length == size ? buffer : Arrays.copyOf(buffer, size);
    }
}
