package dev.petrel.protocol.wire;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a frame payload written by {@link PayloadWriter}. Every count and length is checked against
 * the bytes that remain before anything is allocated for it, so a hostile payload can never make the
 * reader allocate more than the payload's own size; every violation is a
 * {@link WireProtocolException} naming the frame type and what was wrong. Not thread-safe.
 */
public final class PayloadReader {

    private static final DestinationRef.Kind[] KINDS = DestinationRef.Kind.values();

    private final FrameType type;
    private final byte[] payload;
    private int position;

    public PayloadReader(FrameType type, byte[] payload) {
        this.type = type;
        this.payload = payload;
    }

    public int readByte() throws WireProtocolException {
        need(1, "a byte");
        return payload[position++];
    }

    public boolean readBoolean() throws WireProtocolException {
        int value = readByte();
        if (value != 0 && value != 1) {
            throw error("boolean byte must be 0 or 1, got " + value);
        }
        return value == 1;
    }

    public int readInt() throws WireProtocolException {
        need(4, "an int");
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (payload[position++] & 0xFF);
        }
        return value;
    }

    public long readLong() throws WireProtocolException {
        need(8, "a long");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (payload[position++] & 0xFF);
        }
        return value;
    }

    /** A non-negative int (ids, counts, sizes sent as int). */
    public int readNonNegativeInt(String what) throws WireProtocolException {
        int value = readInt();
        if (value < 0) {
            throw error(what + " must not be negative, got " + value);
        }
        return value;
    }

    public byte[] readBytes() throws WireProtocolException {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        if (length < -1) {
            throw error("byte array length " + length + " is negative");
        }
        need(length, "a byte array of " + length + " bytes");
        byte[] value = new byte[length];
        System.arraycopy(payload, position, value, 0, length);
        position += length;
        return value;
    }

    public String readString() throws WireProtocolException {
        int length = readInt();
        if (length == -1) {
            return null;
        }
        if (length < -1) {
            throw error("string length " + length + " is negative");
        }
        need(length, "a string of " + length + " bytes");
        try {
            String value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload, position, length)).toString();
            position += length;
            return value;
        } catch (CharacterCodingException e) {
            throw new WireProtocolException(type + " frame: string is not valid UTF-8", e);
        }
    }

    public List<Long> readLongs() throws WireProtocolException {
        int count = readNonNegativeInt("list size");
        if ((long) count * 8 > remaining()) {
            throw error("list of " + count + " longs needs " + (long) count * 8
                    + " bytes, only " + remaining() + " remain");
        }
        List<Long> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readLong());
        }
        return values;
    }

    /** A destination, or null. */
    public DestinationRef readDestination() throws WireProtocolException {
        int kind = readByte();
        if (kind == 0) {
            return null;
        }
        if (kind < 1 || kind > KINDS.length) {
            throw error("destination kind " + kind + " is not between 1 and " + KINDS.length);
        }
        String name = readString();
        if (name == null) {
            throw error("destination name is missing");
        }
        return new DestinationRef(KINDS[kind - 1], name);
    }

    /** A destination that must be present. */
    public DestinationRef readRequiredDestination() throws WireProtocolException {
        DestinationRef destination = readDestination();
        if (destination == null) {
            throw error("destination is missing");
        }
        return destination;
    }

    /** A message decoded by {@link MessageCodec}; any failure of the codec is a protocol error. */
    public MessageData readMessage() throws WireProtocolException {
        byte[] encoded = readBytes();
        if (encoded == null) {
            throw error("message is missing");
        }
        try {
            return MessageCodec.decode(encoded);
        } catch (RuntimeException e) {
            // MessageCodec documents IllegalArgumentException; anything else it throws on hostile
            // bytes is still the peer's bad input, not ours, and closes only this connection.
            throw new WireProtocolException(type + " frame: undecodable message: " + e.getMessage(), e);
        }
    }

    public Map<String, String> readStringMap() throws WireProtocolException {
        int count = readNonNegativeInt("map size");
        if ((long) count * 8 > remaining()) {
            throw error("map of " + count + " entries needs at least " + (long) count * 8
                    + " bytes, only " + remaining() + " remain");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = readString();
            if (key == null) {
                throw error("map key is missing");
            }
            map.put(key, readString());
        }
        return map;
    }

    /** Fails when bytes remain after the payload's last field. */
    public void expectEnd() throws WireProtocolException {
        if (remaining() != 0) {
            throw error(remaining() + " unexpected bytes after the payload");
        }
    }

    public int remaining() {
        return payload.length - position;
    }

    private void need(int bytes, String what) throws WireProtocolException {
        if (bytes > remaining()) {
            throw error("truncated: needs " + bytes + " bytes for " + what + ", only " + remaining() + " remain");
        }
    }

    private WireProtocolException error(String what) {
        return new WireProtocolException(type + " frame: " + what);
    }
}
