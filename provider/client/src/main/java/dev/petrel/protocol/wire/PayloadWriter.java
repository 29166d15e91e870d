package dev.petrel.protocol.wire;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds a frame payload: big-endian integers, length-prefixed UTF-8 strings (length -1 for null),
 * length-prefixed byte arrays, counted lists, destinations and messages (through
 * {@link MessageCodec}). Not thread-safe: one writer builds one payload on one thread.
 */
public final class PayloadWriter {

    private byte[] buffer = new byte[64];
    private int size;

    public PayloadWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public PayloadWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    public PayloadWriter writeInt(int value) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    public PayloadWriter writeLong(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** A byte array with its length; null as length -1. */
    public PayloadWriter writeBytes(byte[] value) {
        if (value == null) {
            return writeInt(-1);
        }
        writeInt(value.length);
        ensure(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
        return this;
    }

    /** UTF-8 with its byte length; null as length -1. */
    public PayloadWriter writeString(String value) {
        return writeBytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    public PayloadWriter writeLongs(List<Long> values) {
        List<Long> list = values == null ? List.of() : values;
        writeInt(list.size());
        for (Long value : list) {
            writeLong(value);
        }
        return this;
    }

    /** Kind ordinal + 1 (0 for null), then the name. */
    public PayloadWriter writeDestination(DestinationRef destination) {
        if (destination == null) {
            return writeByte(0);
        }
        writeByte(destination.kind().ordinal() + 1);
        return writeString(destination.name());
    }

    /** The message as {@link MessageCodec} encodes it, with its length. */
    public PayloadWriter writeMessage(MessageData message) {
        return writeBytes(MessageCodec.encode(message));
    }

    public PayloadWriter writeStringMap(Map<String, String> map) {
        Map<String, String> entries = map == null ? Map.of() : map;
        writeInt(entries.size());
        for (Map.Entry<String, String> e : entries.entrySet()) {
            writeString(e.getKey());
            writeString(e.getValue());
        }
        return this;
    }

    /**
     * The payload written so far. When the buffer is exactly full (a payload ending in a message or
     * another large array usually is: the buffer grows to fit it), the buffer itself, without a copy;
     * so nothing may be written after this call.
     */
    public byte[] toByteArray() {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /** Grows to fit {@code more} bytes: to exactly that when it is large, so the payload's last array needs no spare room. */
    private void ensure(int more) {
        if (size + more > buffer.length) {
            int needed = size + more;
            buffer = Arrays.copyOf(buffer, more >= buffer.length ? needed : Math.max(buffer.length * 2, needed));
        }
    }
}
