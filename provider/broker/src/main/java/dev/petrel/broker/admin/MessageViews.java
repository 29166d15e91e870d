package dev.petrel.broker.admin;

import dev.petrel.broker.ManagedBacklog;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.BodyKind;
import dev.petrel.management.DestinationName;
import dev.petrel.management.MessageBody;
import dev.petrel.management.MessageDetail;
import dev.petrel.management.MessageSummary;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MapBodyCodec;
import dev.petrel.message.MessageData;
import dev.petrel.message.StreamBodyCodec;
import dev.petrel.message.TextBodyCodec;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns the broker's messages into the management API's records. Never deserializes object bodies:
 * their class name is read from the serialization stream's header. Stateless.
 */
final class MessageViews {
    private static final int STREAM_MAGIC = 0xACED;
    private static final int STREAM_VERSION = 5;
    private static final int TC_OBJECT = 0x73;
    private static final int TC_CLASSDESC = 0x72;

    private MessageViews() {
    }

    static MessageSummary summary(ManagedBacklog.Entry e) {
        MessageData m = e.message();
        return new MessageSummary(Long.toString(e.id()), m.messageId(),
                m.timestamp() == 0 ? null : Instant.ofEpochMilli(m.timestamp()), m.correlationId(), m.type(),
                m.priority(), m.isPersistent(), m.expiration() == 0 ? null : Instant.ofEpochMilli(m.expiration()),
                BodyKind.valueOf(m.bodyType().name()), m.body() == null ? 0 : m.body().length, e.deliveryCount(),
                e.inFlight());
    }

    static MessageDetail detail(ManagedBacklog.Entry e, BacklogRef backlog) {
        MessageData m = e.message();
        return new MessageDetail(summary(e), backlog, name(m.destination()), name(m.replyTo()),
                m.deliveryTime() == 0 ? null : Instant.ofEpochMilli(m.deliveryTime()), m.correlationIdBytes(),
                m.properties(), body(m));
    }

    static DestinationName name(DestinationRef ref) {
        if (ref == null) {
            return null;
        }
        return ref.isQueueLike() ? DestinationName.queue(ref.name()) : DestinationName.topic(ref.name());
    }

    static DestinationRef ref(DestinationName name) {
        return name.kind() == DestinationName.Kind.QUEUE ? DestinationRef.queue(name.name()) : DestinationRef.topic(name.name());
    }

    private static MessageBody body(MessageData m) {
        byte[] body = m.body();
        if (body == null) {
            return new MessageBody.NoBody();
        }
        return switch (m.bodyType()) {
            case NONE -> new MessageBody.NoBody();
            case TEXT -> new MessageBody.TextBody(TextBodyCodec.decode(body), body.length);
            case BYTES -> new MessageBody.BytesBody(body);
            case MAP -> new MessageBody.MapBody(MapBodyCodec.decode(body), body.length);
            case STREAM -> new MessageBody.StreamBody(StreamBodyCodec.decode(body), body.length);
            case OBJECT -> new MessageBody.ObjectBody(serializedClassName(body), body);
        };
    }

    /**
     * The class name in a Java serialization stream's header (magic, version, TC_OBJECT,
     * TC_CLASSDESC, UTF name), read without deserializing; null when the header is not that.
     */
    static String serializedClassName(byte[] serialized) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            if (in.readUnsignedShort() != STREAM_MAGIC || in.readUnsignedShort() != STREAM_VERSION
                    || in.readUnsignedByte() != TC_OBJECT || in.readUnsignedByte() != TC_CLASSDESC) {
                return null;
            }
            byte[] name = new byte[in.readUnsignedShort()];
            in.readFully(name);
            return new String(name, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
