package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static MessageData full() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("b", true);
        props.put("y", (byte) -7);
        props.put("s", (short) 31000);
        props.put("i", Integer.MIN_VALUE);
        props.put("l", Long.MAX_VALUE);
        props.put("f", 1.5f);
        props.put("d", -2.25e300);
        props.put("str", "h\u00e9llo \uD83D\uDE00");
        props.put("empty", "");
        props.put("JMSXGroupID", "g1");
        props.put("nothing", null);
        return new MessageData("ID:abc-1", 1_700_000_000_123L, "corr-\u4e2d", new byte[] {1, 2, 3},
                new DestinationRef(DestinationRef.Kind.TEMPORARY_QUEUE, "tmp.1"), DestinationRef.topic("prices.\u00fc"),
                2, 9, 1_800_000_000_000L, 1_700_000_000_500L, "order", props, BodyType.MAP, new byte[] {9, 8, 7});
    }

    private static MessageData minimal() {
        return new MessageData(null, 0, null, null, null, DestinationRef.queue("q"), 1, 4, 0, 0, null, null,
                BodyType.NONE, null);
    }

    private static void assertSameData(MessageData expected, MessageData actual) {
        assertEquals(expected.messageId(), actual.messageId());
        assertEquals(expected.timestamp(), actual.timestamp());
        assertEquals(expected.correlationId(), actual.correlationId());
        assertArrayEquals(expected.correlationIdBytes(), actual.correlationIdBytes());
        assertEquals(expected.replyTo(), actual.replyTo());
        assertEquals(expected.destination(), actual.destination());
        assertEquals(expected.deliveryMode(), actual.deliveryMode());
        assertEquals(expected.priority(), actual.priority());
        assertEquals(expected.expiration(), actual.expiration());
        assertEquals(expected.deliveryTime(), actual.deliveryTime());
        assertEquals(expected.type(), actual.type());
        assertEquals(expected.properties(), actual.properties());
        assertEquals(List.copyOf(expected.properties().keySet()), List.copyOf(actual.properties().keySet()));
        assertEquals(expected.bodyType(), actual.bodyType());
        assertArrayEquals(expected.body(), actual.body());
    }

    @Test
    void everyFieldAndPropertyTypeSurvivesARoundTrip() {
        MessageData data = full();
        assertSameData(data, MessageCodec.decode(MessageCodec.encode(data)));
    }

    @Test
    void propertyValueTypesArePreservedExactly() {
        MessageData decoded = MessageCodec.decode(MessageCodec.encode(full()));
        assertEquals(Byte.class, decoded.property("y").getClass());
        assertEquals(Short.class, decoded.property("s").getClass());
        assertEquals(Float.class, decoded.property("f").getClass());
    }

    @Test
    void aMessageWithEveryOptionalFieldAbsentSurvivesARoundTrip() {
        MessageData data = minimal();
        assertSameData(data, MessageCodec.decode(MessageCodec.encode(data)));
    }

    @Test
    void aMinimalMessageEncodesCompactly() {
        assertTrue(MessageCodec.encode(minimal()).length < 16);
    }

    @Test
    void emptyStringsAndEmptyBodiesAreDistinguishedFromNulls() {
        MessageData data = new MessageData("", 5, "", new byte[0], null, DestinationRef.queue(""), 1, 0, -1, 0, "",
                Map.of("e", ""), BodyType.TEXT, new byte[0]);
        MessageData decoded = MessageCodec.decode(MessageCodec.encode(data));
        assertSameData(data, decoded);
    }

    @Test
    void everyBodyTypeAndDestinationKindSurvivesARoundTrip() {
        for (BodyType type : BodyType.values()) {
            for (DestinationRef.Kind kind : DestinationRef.Kind.values()) {
                MessageData data = new MessageData(null, 0, null, null, new DestinationRef(kind, "r"),
                        new DestinationRef(kind, "d"), 1, 4, 0, 0, null, null, type, new byte[] {type.code()});
                assertSameData(data, MessageCodec.decode(MessageCodec.encode(data)));
            }
        }
    }

    @Test
    void aBigBodySurvivesARoundTrip() {
        byte[] body = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(body);
        MessageData data = new MessageData("ID:x", 1, null, null, null, DestinationRef.queue("q"), 2, 4, 0, 0, null,
                null, BodyType.BYTES, body);
        assertArrayEquals(body, MessageCodec.decode(MessageCodec.encode(data)).body());
    }

    @Test
    void aPropertyOfANonJmsTypeIsRejectedWhenEncoding() {
        MessageData data = new MessageData(null, 0, null, null, null, DestinationRef.queue("q"), 1, 4, 0, 0, null,
                Map.of("c", 'x'), BodyType.NONE, null);
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.encode(data));
    }

    @Test
    void anUnknownFormatVersionIsRejectedNamingTheVersion() {
        byte[] bytes = MessageCodec.encode(minimal());
        bytes[0] = 7;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(bytes));
        assertTrue(e.getMessage().contains("version 7"), e.getMessage());
    }

    @Test
    void nullInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(null));
    }

    @Test
    void emptyInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(new byte[0]));
    }

    @Test
    void everyTruncationIsRejectedWithAnOffset() {
        byte[] bytes = MessageCodec.encode(full());
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MessageCodec.decode(truncated), "length " + length);
            assertTrue(e.getMessage().contains("offset"), e.getMessage());
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] bytes = MessageCodec.encode(minimal());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(longer));
    }

    @Test
    void aHugeDeclaredLengthIsRejectedWithoutAllocating() {
        // version, flags = message id present, then a message id length of Integer.MAX_VALUE
        byte[] bytes = {1, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(bytes));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }

    @Test
    void aHugePropertyCountIsRejectedWithoutAllocating() {
        // version, flags = properties present, timestamp 0, queue 'q', mode 1, priority 4, expiration 0,
        // delivery time 0, then a property count of Integer.MAX_VALUE
        byte[] bytes = {1, 0x20, 0, 0, 1, 'q', 2, 8, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(bytes));
        assertTrue(e.getMessage().contains("property count") && e.getMessage().contains("offset 10"), e.getMessage());
    }

    @Test
    void anUnknownDestinationKindIsRejected() {
        byte[] bytes = MessageCodec.encode(minimal());
        bytes[3] = 9;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(bytes));
        assertTrue(e.getMessage().contains("destination kind 9"), e.getMessage());
    }

    @Test
    void anUnknownBodyTypeIsRejected() {
        byte[] bytes = MessageCodec.encode(minimal());
        bytes[bytes.length - 1] = 42;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(bytes));
        assertTrue(e.getMessage().contains("body type code 42"), e.getMessage());
    }

    @Test
    void anUnknownPresenceFlagIsRejected() {
        byte[] bytes = MessageCodec.encode(minimal());
        bytes[1] = (byte) 0x80;
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(bytes));
    }

    @Test
    void anUnknownPropertyTagIsRejectedNamingTheOffset() {
        MessageData data = new MessageData(null, 0, null, null, null, DestinationRef.queue("q"), 1, 4, 0, 0, null,
                Map.of("p", 1), BodyType.NONE, null);
        byte[] bytes = MessageCodec.encode(data);
        int tagAt = indexOf(bytes, TypedValueCodec.INT, 8);
        bytes[tagAt] = 99;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MessageCodec.decode(bytes));
        assertTrue(e.getMessage().contains("offset " + tagAt) && e.getMessage().contains("99"), e.getMessage());
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        throw new AssertionError("no byte " + value);
    }

    @Test
    void randomlyMutatedInputEitherDecodesOrFailsWithIllegalArgumentException() {
        byte[] original = MessageCodec.encode(full());
        Random random = new Random(20261125L);
        for (int round = 0; round < 5000; round++) {
            byte[] mutated = Arrays.copyOf(original, original.length);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                mutated = Arrays.copyOf(mutated, random.nextInt(mutated.length + 1));
            }
            try {
                MessageCodec.decode(mutated);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage() != null && !expected.getMessage().isEmpty());
            } catch (RuntimeException | Error other) {
                fail("round " + round + " threw " + other, other);
            }
        }
    }

    @Test
    void randomGarbageEitherDecodesOrFailsWithIllegalArgumentException() {
        Random random = new Random(7L);
        for (int round = 0; round < 3000; round++) {
            byte[] garbage = new byte[random.nextInt(64)];
            random.nextBytes(garbage);
            if (garbage.length > 0) {
                garbage[0] = MessageCodec.VERSION;
            }
            try {
                MessageCodec.decode(garbage);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("offset"), expected.getMessage());
            } catch (RuntimeException | Error other) {
                fail("round " + round + " threw " + other, other);
            }
        }
    }

    @Test
    void decodedPropertiesAreUnmodifiable() {
        MessageData decoded = MessageCodec.decode(MessageCodec.encode(full()));
        assertThrows(UnsupportedOperationException.class, () -> decoded.properties().put("x", 1));
        assertNull(decoded.property("nothing"));
    }
}
