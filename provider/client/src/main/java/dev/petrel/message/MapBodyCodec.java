package dev.petrel.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body encoding of a {@code MapMessage}: an entry count, then name and {@link TypedValueCodec
 * tagged value} pairs (values may be null, boxed primitives including Character, String or byte[]).
 * An empty map is encoded as no body (null). Stateless and thread-safe.
 */
public final class MapBodyCodec {
    private MapBodyCodec() {
    }

    /** @return the encoded map, or null when it is empty */
    public static byte[] encode(Map<String, Object> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        ByteWriter out = new ByteWriter(16 + 32 * map.size());
        out.writeVarInt(map.size());
        for (Map.Entry<String, Object> e : map.entrySet()) {
            out.writeString(e.getKey());
            TypedValueCodec.write(out, e.getValue());
        }
        return out.toByteArray();
    }

    /**
     * @param body the encoded map, or null for an empty one
     * @return a new mutable map in the encoded order
     * @throws IllegalArgumentException when the bytes are malformed, naming the offset
     */
    public static Map<String, Object> decode(byte[] body) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (body == null) {
            return map;
        }
        ByteReader in = new ByteReader(body, "map body");
        int count = in.readCount("map entry count", 2);
        for (int i = 0; i < count; i++) {
            int at = in.position();
            String name = in.readString("map entry name");
            Object value = TypedValueCodec.read(in, "map entry '" + name + "'", true);
            if (map.containsKey(name)) {
                throw in.malformed(at, "map entry '" + name + "' appears twice");
            }
            map.put(name, value);
        }
        in.expectEnd();
        return map;
    }
}
