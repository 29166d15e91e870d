package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The map, stream and text body encodings. */
class BodyCodecTest {

    private static List<Object> everyBodyType() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        values.add(false);
        values.add((byte) -1);
        values.add(Short.MIN_VALUE);
        values.add('\uFFFF');
        values.add(Integer.MAX_VALUE);
        values.add(Long.MIN_VALUE);
        values.add(Float.NaN);
        values.add(Double.NEGATIVE_INFINITY);
        values.add("ünï \uD83D\uDE00");
        values.add("");
        values.add(new byte[] {0, 127, -128});
        values.add(new byte[0]);
        return values;
    }

    @Test
    void everyStreamValueTypeSurvivesARoundTrip() {
        List<Object> values = everyBodyType();
        List<Object> decoded = StreamBodyCodec.decode(StreamBodyCodec.encode(values));
        assertEquals(values.size(), decoded.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) decoded.get(i));
            } else {
                assertEquals(values.get(i), decoded.get(i));
            }
        }
    }

    @Test
    void everyMapValueTypeSurvivesARoundTripInOrder() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> values = everyBodyType();
        for (int i = 0; i < values.size(); i++) {
            map.put("k" + (values.size() - i), values.get(i));
        }
        Map<String, Object> decoded = MapBodyCodec.decode(MapBodyCodec.encode(map));
        assertEquals(List.copyOf(map.keySet()), List.copyOf(decoded.keySet()));
        for (String key : map.keySet()) {
            if (map.get(key) instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) decoded.get(key));
            } else {
                assertEquals(map.get(key), decoded.get(key));
            }
        }
    }

    @Test
    void anEmptyMapIsEncodedAsNoBody() {
        assertNull(MapBodyCodec.encode(Map.of()));
        assertTrue(MapBodyCodec.decode(null).isEmpty());
    }

    @Test
    void anEmptyStreamIsEncodedAsNoBody() {
        assertNull(StreamBodyCodec.encode(List.of()));
        assertTrue(StreamBodyCodec.decode(null).isEmpty());
    }

    @Test
    void nullTextIsNoBodyAndEmptyTextIsAnEmptyBody() {
        assertNull(TextBodyCodec.encode(null));
        assertEquals(0, TextBodyCodec.encode("").length);
        assertNull(TextBodyCodec.decode(null));
    }

    @Test
    void aHugeStreamValueCountIsRejectedWithoutAllocating() {
        byte[] body = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        assertThrows(IllegalArgumentException.class, () -> StreamBodyCodec.decode(body));
    }

    @Test
    void aDuplicateMapNameIsRejected() {
        byte[] body = {2, 1, 'a', TypedValueCodec.NULL, 1, 'a', TypedValueCodec.NULL};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MapBodyCodec.decode(body));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void anInvalidBooleanByteIsRejected() {
        byte[] body = {1, TypedValueCodec.BOOLEAN, 2};
        assertThrows(IllegalArgumentException.class, () -> StreamBodyCodec.decode(body));
    }

    @Test
    void randomlyMutatedBodiesEitherDecodeOrFailWithIllegalArgumentException() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> values = everyBodyType();
        for (int i = 0; i < values.size(); i++) {
            map.put("k" + i, values.get(i));
        }
        byte[] mapBody = MapBodyCodec.encode(map);
        byte[] streamBody = StreamBodyCodec.encode(values);
        Random random = new Random(42);
        for (int round = 0; round < 4000; round++) {
            boolean isMap = round % 2 == 0;
            byte[] mutated = (isMap ? mapBody : streamBody).clone();
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length + 1));
            }
            try {
                if (isMap) {
                    MapBodyCodec.decode(mutated);
                } else {
                    StreamBodyCodec.decode(mutated);
                }
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("offset"), expected.getMessage());
            } catch (RuntimeException | Error other) {
                fail("round " + round + " threw " + other, other);
            }
        }
    }
}
