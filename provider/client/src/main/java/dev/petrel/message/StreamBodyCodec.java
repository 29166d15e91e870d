package dev.petrel.message;

import java.util.ArrayList;
import java.util.List;

/**
 * The body encoding of a {@code StreamMessage}: a value count, then {@link TypedValueCodec tagged
 * values} in order. An empty stream is encoded as no body (null). Stateless and thread-safe.
 */
public final class StreamBodyCodec {
    private StreamBodyCodec() {
    }

    /** @return the encoded values, or null when there are none */
    public static byte[] encode(List<Object> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        ByteWriter out = new ByteWriter(16 + 16 * values.size());
        out.writeVarInt(values.size());
        for (Object value : values) {
            TypedValueCodec.write(out, value);
        }
        return out.toByteArray();
    }

    /**
     * @param body the encoded values, or null for none
     * @return a new mutable list
     * @throws IllegalArgumentException when the bytes are malformed, naming the offset
     */
    public static List<Object> decode(byte[] body) {
        if (body == null) {
            return new ArrayList<>();
        }
        ByteReader in = new ByteReader(body, "stream body");
        int count = in.readCount("stream value count", 1);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(TypedValueCodec.read(in, "stream value " + i, true));
        }
        in.expectEnd();
        return values;
    }
}
