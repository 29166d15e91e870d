package dev.petrel.broker;

import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.Delivery;
import jakarta.jms.DeliveryMode;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds messages for tests. */
final class Messages {
    private Messages() {
    }

    static MessageData text(DestinationRef to, String text) {
        return message(to, text, 4, DeliveryMode.NON_PERSISTENT, 0, 0, Map.of());
    }

    static MessageData persistent(DestinationRef to, String text) {
        return message(to, text, 4, DeliveryMode.PERSISTENT, 0, 0, Map.of());
    }

    static MessageData message(DestinationRef to, String text, int priority, int mode, long expiration,
                               long deliveryTime, Map<String, Object> properties) {
        return new MessageData("ID:" + text, System.currentTimeMillis(), null, null, null, to, mode, priority,
                expiration, deliveryTime, null, properties, BodyType.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static String body(Delivery d) {
        return new String(d.message().body(), StandardCharsets.UTF_8);
    }
}
