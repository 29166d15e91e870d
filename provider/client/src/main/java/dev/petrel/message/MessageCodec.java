package dev.petrel.message;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The binary form of a {@link MessageData}: what the store persists and what the wire protocol
 * carries. Versioned, so that stores written by older Petrel versions stay readable.
 *
 * <p>Format version 1, in order: the version byte; a presence byte (bit 0 message id, 1 correlation
 * id, 2 correlation id bytes, 3 reply-to, 4 type, 5 properties, 6 body); the message id; the
 * timestamp (zig-zag varlong); the correlation id; the correlation id bytes; the reply-to; the
 * destination; delivery mode and priority (zig-zag varlongs); expiration and delivery time (zig-zag
 * varlongs); the type; the properties (a count, then name and {@link TypedValueCodec tagged value}
 * pairs); the body type code; the body. Absent fields take no bytes. Strings are UTF-8 and byte
 * arrays raw, each after an unsigned LEB128 length; a destination is a kind byte and a name.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageCodec {
    /** The format version this codec writes. */
    public static final byte VERSION = 1;

    private static final int HAS_MESSAGE_ID = 1;
    private static final int HAS_CORRELATION_ID = 1 << 1;
    private static final int HAS_CORRELATION_ID_BYTES = 1 << 2;
    private static final int HAS_REPLY_TO = 1 << 3;
    private static final int HAS_TYPE = 1 << 4;
    private static final int HAS_PROPERTIES = 1 << 5;
    private static final int HAS_BODY = 1 << 6;
    private static final int KNOWN_FLAGS = 0x7F;

    private static final DestinationRef.Kind[] KINDS = DestinationRef.Kind.values();

    private MessageCodec() {
    }

    /** @throws IllegalArgumentException when a property holds a value that is not a JMS property type */
    public static byte[] encode(MessageData message) {
        byte[] body = message.body();
        ByteWriter out = new ByteWriter(128 + 32 * message.properties().size());
        out.writeByte(VERSION);
        int flags = (message.messageId() != null ? HAS_MESSAGE_ID : 0)
                | (message.correlationId() != null ? HAS_CORRELATION_ID : 0)
                | (message.correlationIdBytes() != null ? HAS_CORRELATION_ID_BYTES : 0)
                | (message.replyTo() != null ? HAS_REPLY_TO : 0)
                | (message.type() != null ? HAS_TYPE : 0)
                | (!message.properties().isEmpty() ? HAS_PROPERTIES : 0)
                | (body != null ? HAS_BODY : 0);
        out.writeByte(flags);
        if (message.messageId() != null) {
            out.writeString(message.messageId());
        }
        out.writeVarLong(message.timestamp());
        if (message.correlationId() != null) {
            out.writeString(message.correlationId());
        }
        if (message.correlationIdBytes() != null) {
            out.writeBytes(message.correlationIdBytes());
        }
        if (message.replyTo() != null) {
            writeDestination(out, message.replyTo());
        }
        writeDestination(out, message.destination());
        out.writeVarLong(message.deliveryMode());
        out.writeVarLong(message.priority());
        out.writeVarLong(message.expiration());
        out.writeVarLong(message.deliveryTime());
        if (message.type() != null) {
            out.writeString(message.type());
        }
        if (!message.properties().isEmpty()) {
            out.writeVarInt(message.properties().size());
            for (Map.Entry<String, Object> e : message.properties().entrySet()) {
                if (!TypedValueCodec.isPropertyType(e.getValue())) {
                    throw new IllegalArgumentException("property '" + e.getKey() + "' holds a "
                            + e.getValue().getClass().getName() + ", which is not a JMS property type");
                }
                out.writeString(e.getKey());
                TypedValueCodec.write(out, e.getValue());
            }
        }
        out.writeByte(message.bodyType().code());
        return body == null ? out.toByteArray() : out.toByteArrayWithTail(body);
    }

    /** @throws IllegalArgumentException when the bytes are not a message this codec wrote, saying what is wrong */
    public static MessageData decode(byte[] encoded) {
        ByteReader in = new ByteReader(encoded, "message");
        byte version = in.readByte("format version");
        if (version != VERSION) {
            throw in.malformed(0, "unsupported format version " + version + " (this Petrel reads version " + VERSION + ")");
        }
        int flags = in.readByte("presence flags") & 0xFF;
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw in.malformed(1, "unknown presence flags 0x" + Integer.toHexString(flags & ~KNOWN_FLAGS));
        }
        String messageId = (flags & HAS_MESSAGE_ID) != 0 ? in.readString("JMSMessageID") : null;
        long timestamp = in.readVarLong("JMSTimestamp");
        String correlationId = (flags & HAS_CORRELATION_ID) != 0 ? in.readString("JMSCorrelationID") : null;
        byte[] correlationIdBytes = (flags & HAS_CORRELATION_ID_BYTES) != 0 ? in.readBytes("JMSCorrelationIDAsBytes") : null;
        DestinationRef replyTo = (flags & HAS_REPLY_TO) != 0 ? readDestination(in, "JMSReplyTo") : null;
        DestinationRef destination = readDestination(in, "JMSDestination");
        int deliveryMode = readIntVarLong(in, "JMSDeliveryMode");
        int priority = readIntVarLong(in, "JMSPriority");
        long expiration = in.readVarLong("JMSExpiration");
        long deliveryTime = in.readVarLong("JMSDeliveryTime");
        String type = (flags & HAS_TYPE) != 0 ? in.readString("JMSType") : null;
        Map<String, Object> properties = null;
        if ((flags & HAS_PROPERTIES) != 0) {
            int count = in.readCount("property count", 2);
            properties = new LinkedHashMap<>(Math.max(4, count * 2));
            for (int i = 0; i < count; i++) {
                int at = in.position();
                String name = in.readString("property name");
                Object value = TypedValueCodec.read(in, "property '" + name + "'", false);
                if (properties.containsKey(name)) {
                    throw in.malformed(at, "property '" + name + "' appears twice");
                }
                properties.put(name, value);
            }
        }
        int bodyTypeAt = in.position();
        byte bodyCode = in.readByte("body type");
        BodyType bodyType;
        try {
            bodyType = BodyType.ofCode(bodyCode);
        } catch (IllegalArgumentException e) {
            throw in.malformed(bodyTypeAt, "unknown body type code " + bodyCode + " (known: 0 to 5)");
        }
        byte[] body = (flags & HAS_BODY) != 0 ? in.readBytes("body") : null;
        in.expectEnd();
        return new MessageData(messageId, timestamp, correlationId, correlationIdBytes, replyTo, destination,
                deliveryMode, priority, expiration, deliveryTime, type, properties, bodyType, body);
    }

    private static int readIntVarLong(ByteReader in, String field) {
        int at = in.position();
        long value = in.readVarLong(field);
        if (value != (int) value) {
            throw in.malformed(at, field + " " + value + " is outside the int range");
        }
        return (int) value;
    }

    private static void writeDestination(ByteWriter out, DestinationRef destination) {
        out.writeByte(destination.kind().ordinal());
        out.writeString(destination.name());
    }

    private static DestinationRef readDestination(ByteReader in, String field) {
        int at = in.position();
        byte kind = in.readByte(field + " kind");
        if (kind < 0 || kind >= KINDS.length) {
            throw in.malformed(at, field + " has unknown destination kind " + kind + " (known: 0 to " + (KINDS.length - 1) + ")");
        }
        return new DestinationRef(KINDS[kind], in.readString(field + " name"));
    }
}
