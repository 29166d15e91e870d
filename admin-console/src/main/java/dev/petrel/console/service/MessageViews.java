package dev.petrel.console.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.petrel.management.MessageBody;
import dev.petrel.management.MessageDetail;
import dev.petrel.management.MessageSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link MessageDetail} into a {@link MessageView}: values as text, JSON text
 * pretty-printed, bytes as hex (bounded), object bodies as class and size. Never deserializes
 * anything. Stateless, thread-safe.
 */
public final class MessageViews {

    /** Hex dumps stop after this many bytes (the page and the API say so with {@code truncated}). */
    public static final int MAX_HEX_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private MessageViews() {
    }

    public static MessageView of(MessageDetail detail) {
        return new MessageView(detail.summary().id(), detail.backlog().describe(), headers(detail),
                fields(detail.properties()), body(detail.body()));
    }

    private static List<MessageView.Field> headers(MessageDetail d) {
        MessageSummary s = d.summary();
        List<MessageView.Field> rows = new ArrayList<>();
        rows.add(header("JMSMessageID", s.messageId()));
        rows.add(header("JMSDestination", d.destination() == null ? null : d.destination().toString()));
        rows.add(header("JMSTimestamp", time(s.timestamp())));
        rows.add(header("JMSCorrelationID", s.correlationId()));
        if (d.correlationIdBytes() != null) {
            rows.add(header("JMSCorrelationIDAsBytes", HexFormat.ofDelimiter(" ").formatHex(d.correlationIdBytes())));
        }
        rows.add(header("JMSReplyTo", d.replyTo() == null ? null : d.replyTo().toString()));
        rows.add(header("JMSDeliveryMode", s.persistent() ? "PERSISTENT" : "NON_PERSISTENT"));
        rows.add(header("JMSPriority", Integer.toString(s.priority())));
        rows.add(header("JMSExpiration", s.expiration() == null ? "never" : time(s.expiration())));
        rows.add(header("JMSDeliveryTime", d.deliveryTime() == null ? "immediate" : time(d.deliveryTime())));
        rows.add(header("JMSType", s.type()));
        rows.add(header("JMSXDeliveryCount (so far)", Integer.toString(s.deliveryCount())));
        rows.add(header("In flight", Boolean.toString(s.inFlight())));
        return rows;
    }

    private static MessageView.Field header(String name, String value) {
        return new MessageView.Field(name, "header", value == null ? "" : value);
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString() + " (" + instant.toEpochMilli() + ")";
    }

    private static List<MessageView.Field> fields(Map<String, Object> values) {
        List<MessageView.Field> rows = new ArrayList<>(values.size());
        values.forEach((name, value) -> rows.add(field(name, value)));
        return rows;
    }

    private static MessageView.Field field(String name, Object value) {
        if (value == null) {
            return new MessageView.Field(name, "null", "");
        }
        if (value instanceof byte[] bytes) {
            return new MessageView.Field(name, "byte[" + bytes.length + "]", hex(bytes));
        }
        return new MessageView.Field(name, value.getClass().getSimpleName(), value.toString());
    }

    private static MessageView.Body body(MessageBody body) {
        if (body instanceof MessageBody.TextBody t) {
            String pretty = prettyJson(t.text());
            return new MessageView.Body("TEXT", t.size(), pretty == null ? t.text() : pretty, pretty != null,
                    null, false, List.of(), null);
        }
        if (body instanceof MessageBody.BytesBody b) {
            return new MessageView.Body("BYTES", b.size(), null, false, hex(b.bytes()),
                    b.bytes().length > MAX_HEX_BYTES, List.of(), null);
        }
        if (body instanceof MessageBody.MapBody m) {
            return new MessageView.Body("MAP", m.size(), null, false, null, false, fields(m.entries()), null);
        }
        if (body instanceof MessageBody.StreamBody s) {
            List<MessageView.Field> items = new ArrayList<>();
            for (int i = 0; i < s.items().size(); i++) {
                items.add(field("[" + i + "]", s.items().get(i)));
            }
            return new MessageView.Body("STREAM", s.size(), null, false, null, false, items, null);
        }
        if (body instanceof MessageBody.ObjectBody o) {
            return new MessageView.Body("OBJECT", o.size(), null, false, hex(o.serialized()),
                    o.serialized().length > MAX_HEX_BYTES, List.of(), o.className());
        }
        return new MessageView.Body("NONE", 0, null, false, null, false, List.of(), null);
    }

    /** The text pretty-printed when it is a JSON object or array, else null. */
    static String prettyJson(String text) {
        String trimmed = text.strip();
        if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(trimmed);
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Hex dump, 16 bytes a line with offsets, of at most {@link #MAX_HEX_BYTES} bytes. */
    static String hex(byte[] bytes) {
        int length = Math.min(bytes.length, MAX_HEX_BYTES);
        HexFormat format = HexFormat.of();
        StringBuilder out = new StringBuilder(length * 3 + length / 16 * 10);
        for (int line = 0; line < length; line += 16) {
            out.append(String.format("%08x ", line));
            for (int i = line; i < Math.min(line + 16, length); i++) {
                out.append(' ').append(format.toHexDigits(bytes[i]));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
