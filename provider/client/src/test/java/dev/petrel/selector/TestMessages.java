package dev.petrel.selector;

import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidSelectorException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds MessageData snapshots for selector tests, and reads a selector's three-valued result. */
final class TestMessages {

    private String messageId;
    private long timestamp;
    private String correlationId;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = 4;
    private String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    static TestMessages message() {
        return new TestMessages();
    }

    /** A message with the given property (a null value stores a null, as a map allows). */
    static MessageData with(String name, Object value) {
        return message().property(name, value).build();
    }

    static MessageData empty() {
        return message().build();
    }

    TestMessages property(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    TestMessages messageId(String value) {
        messageId = value;
        return this;
    }

    TestMessages timestamp(long value) {
        timestamp = value;
        return this;
    }

    TestMessages correlationId(String value) {
        correlationId = value;
        return this;
    }

    TestMessages deliveryMode(int value) {
        deliveryMode = value;
        return this;
    }

    TestMessages priority(int value) {
        priority = value;
        return this;
    }

    TestMessages type(String value) {
        type = value;
        return this;
    }

    MessageData build() {
        return new MessageData(messageId, timestamp, correlationId, null, null, DestinationRef.queue("q"),
                deliveryMode, priority, 0, 0, type, properties, BodyType.NONE, null);
    }

    static boolean selects(String selector, MessageData message) {
        try {
            return Selector.parse(selector).matches(message);
        } catch (InvalidSelectorException e) {
            throw new AssertionError("selector should parse: " + e.getMessage(), e);
        }
    }

    /** "TRUE", "FALSE" or "UNKNOWN": the selector selects, its negation selects, or neither does. */
    static String truth(String condition, MessageData message) {
        if (selects(condition, message)) {
            return "TRUE";
        }
        if (selects("NOT (" + condition + ")", message)) {
            return "FALSE";
        }
        return "UNKNOWN";
    }

    static String tree(String selector) {
        try {
            return Selector.parse(selector).tree();
        } catch (InvalidSelectorException e) {
            throw new AssertionError("selector should parse: " + e.getMessage(), e);
        }
    }
}
