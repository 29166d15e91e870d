package dev.petrel.management;

import java.util.List;
import java.util.Map;

/**
 * A message body as the broker can show it, by type. The broker never deserializes object
 * messages: {@link ObjectBody} carries the serialized bytes and the class name read from the
 * serialization stream's header (null when that header cannot be read).
 */
public sealed interface MessageBody {

    /** Encoded size in bytes. */
    int size();

    /** No body ({@code Message}, or a body never set). */
    record NoBody() implements MessageBody {
        @Override
        public int size() {
            return 0;
        }
    }

    /** A {@code TextMessage}'s text; {@code size} is its UTF-8 length. */
    record TextBody(String text, int size) implements MessageBody {
    }

    /** A {@code BytesMessage}'s bytes. */
    record BytesBody(byte[] bytes) implements MessageBody {
        @Override
        public int size() {
            return bytes.length;
        }
    }

    /** A {@code MapMessage}'s entries in their stored order; values are boxed primitives, String or byte[]. */
    record MapBody(Map<String, Object> entries, int size) implements MessageBody {
        public MapBody {
            entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
        }
    }

    /** A {@code StreamMessage}'s items in order; boxed primitives, String, byte[] or null. */
    record StreamBody(List<Object> items, int size) implements MessageBody {
        public StreamBody {
            items = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
        }
    }

    /** An {@code ObjectMessage}'s serialized form, never deserialized. */
    record ObjectBody(String className, byte[] serialized) implements MessageBody {
        @Override
        public int size() {
            return serialized.length;
        }
    }
}
