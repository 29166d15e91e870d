package dev.petrel.management;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A text message an operator sends from the console to try a destination.
 *
 * @param text          the body
 * @param correlationId {@code JMSCorrelationID}, or null
 * @param type          {@code JMSType}, or null
 * @param priority      0 to 9
 * @param persistent    persistent or non-persistent delivery
 * @param timeToLive    how long until it expires, or null for never
 * @param properties    String properties to set (names must be valid JMS identifiers)
 */
public record TestMessage(
        String text,
        String correlationId,
        String type,
        int priority,
        boolean persistent,
        Duration timeToLive,
        Map<String, String> properties) {

    public TestMessage {
        Objects.requireNonNull(text, "text");
        if (priority < 0 || priority > 9) {
            throw new IllegalArgumentException("priority must be 0 to 9, was " + priority);
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
