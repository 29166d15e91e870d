package dev.petrel.broker.admin;

import dev.petrel.broker.ManagedBacklog;
import dev.petrel.broker.ManagementAccess;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.DestinationName;
import dev.petrel.management.ManagementConflictException;
import dev.petrel.management.ManagementException;
import dev.petrel.management.MessageDetail;
import dev.petrel.management.QueueRef;
import dev.petrel.management.RetryResult;
import dev.petrel.management.TestMessage;
import dev.petrel.management.UnknownDestinationException;
import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.message.PropertyNames;
import dev.petrel.message.TextBodyCodec;
import dev.petrel.selector.Selector;
import dev.petrel.store.StoredReference;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-message management actions: look-up by id, move (by ids, by selector), dead-letter
 * retry, test messages, and a subscription's oldest message.
 *
 * <p>Threading: stateless; runs on the management caller's thread.
 */
final class MessageActions {
    /** Property the broker adds with the delivery count when it dead-letters a message. */
    static final String DEAD_LETTER_DELIVERY_COUNT = "_PTL_DELIVERY_COUNT";

    private final ManagementAccess access;
    private final Backlogs backlogs;
    private final BacklogEditor editor;

    MessageActions(ManagementAccess access, Backlogs backlogs, BacklogEditor editor) {
        this.access = access;
        this.backlogs = backlogs;
        this.editor = editor;
    }

    static long parseId(String id) {
        try {
            return id == null ? -1 : Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The message with this handle: held in memory, else read from the store; null when absent. */
    ManagedBacklog.Entry find(ManagedBacklog backlog, String id) {
        long messageId = parseId(id);
        if (messageId < 0) {
            return null;
        }
        ManagedBacklog.Entry held = Backlogs.await(backlog.held(messageId), "looking up message " + id);
        if (held != null) {
            return held;
        }
        StoredReference ref = BacklogEditor.readOne(backlog, messageId);
        return ref == null ? null : new ManagedBacklog.Entry(messageId, MessageCodec.decode(ref.encoded()),
                ref.deliveryCount(), false, true);
    }

    /** Age of the oldest waiting message (lowest id), or null when none is found. */
    Duration oldestAge(ManagedBacklog backlog) {
        BacklogScanner.Scan first = BacklogScanner.scan(backlog, 0, true, null, 1, Long.MAX_VALUE);
        if (first.matched().isEmpty()) {
            return null;
        }
        long timestamp = first.matched().get(0).message().timestamp();
        return timestamp == 0 ? null : Duration.between(Instant.ofEpochMilli(timestamp), Instant.now());
    }

    long moveMessages(BacklogRef from, List<String> ids, DestinationName to) {
        ManagedBacklog source = backlogs.resolve(from);
        DestinationRef target = checkTarget(from, to);
        List<Long> messageIds = new ArrayList<>();
        for (String id : ids) {
            long messageId = parseId(id);
            if (messageId >= 0) {
                messageIds.add(messageId);
            }
        }
        return editor.move(source, messageIds, m -> m.withDestinationAndProperties(target, Map.of()));
    }

    long moveMatching(BacklogRef from, String selector, DestinationName to) {
        ManagedBacklog source = backlogs.resolve(from);
        Selector compiled = BacklogScanner.compile(selector);
        DestinationRef target = checkTarget(from, to);
        long maxId = access.lastMessageId();
        long moved = 0;
        long position = 0;
        while (true) {
            BacklogScanner.Scan scan = BacklogScanner.scan(source, position, true, compiled, BacklogEditor.BATCH, maxId);
            List<Long> ids = scan.matched().stream().map(ManagedBacklog.Entry::id).toList();
            moved += editor.move(source, ids, m -> m.withDestinationAndProperties(target, Map.of()));
            if (scan.exhausted()) {
                return moved;
            }
            position = scan.lastScanned();
        }
    }

    private DestinationRef checkTarget(BacklogRef from, DestinationName to) {
        if (to.kind() == DestinationName.Kind.QUEUE) {
            if (access.queue(to.name()) == null) {
                throw UnknownDestinationException.queue(to.name());
            }
            if (from instanceof QueueRef q && q.name().equals(to.name())) {
                throw new ManagementConflictException("cannot move messages from queue '" + q.name()
                        + "' to itself: choose another queue or a topic");
            }
        } else if (access.topic(to.name()) == null) {
            throw UnknownDestinationException.topic(to.name());
        }
        return MessageViews.ref(to);
    }

    RetryResult retry(String deadLetterQueue, List<String> ids) {
        ManagedBacklog dlq = backlogs.resolve(new QueueRef(deadLetterQueue));
        List<ManagedBacklog.Entry> candidates = new ArrayList<>();
        if (ids == null) {
            long maxId = access.lastMessageId();
            long position = 0;
            while (true) {
                BacklogScanner.Scan scan = BacklogScanner.scan(dlq, position, true, null, BacklogEditor.BATCH, maxId);
                candidates.addAll(scan.matched());
                if (scan.exhausted()) {
                    break;
                }
                position = scan.lastScanned();
            }
        } else {
            for (String id : ids) {
                ManagedBacklog.Entry e = find(dlq, id);
                if (e != null) {
                    candidates.add(e);
                }
            }
        }
        List<String> skipped = new ArrayList<>();
        Map<Long, DestinationRef> targets = new LinkedHashMap<>();
        for (ManagedBacklog.Entry e : candidates) {
            DestinationRef original = original(e.message(), deadLetterQueue);
            if (original == null) {
                skipped.add(Long.toString(e.id()));
            } else {
                targets.put(e.id(), original);
            }
        }
        long retried = 0;
        for (Map.Entry<DestinationRef, List<Long>> group : groupByTarget(targets).entrySet()) {
            DestinationRef target = group.getKey();
            retried += editor.move(dlq, group.getValue(), m -> backToOriginal(m, target));
        }
        return new RetryResult(retried, skipped);
    }

    private static Map<DestinationRef, List<Long>> groupByTarget(Map<Long, DestinationRef> targets) {
        Map<DestinationRef, List<Long>> groups = new LinkedHashMap<>();
        targets.forEach((id, target) -> groups.computeIfAbsent(target, t -> new ArrayList<>()).add(id));
        return groups;
    }

    /** The destination a dead letter came from: a queue of that name, else a topic; null when neither exists. */
    private DestinationRef original(MessageData m, String deadLetterQueue) {
        if (!(m.property(MessageDetail.ORIGINAL_DESTINATION_PROPERTY) instanceof String name) || name.isEmpty()
                || name.equals(deadLetterQueue)) {
            return null;
        }
        if (access.queue(name) != null) {
            return DestinationRef.queue(name);
        }
        return access.topic(name) != null ? DestinationRef.topic(name) : null;
    }

    private static MessageData backToOriginal(MessageData m, DestinationRef target) {
        Map<String, Object> properties = new LinkedHashMap<>(m.properties());
        properties.remove(MessageDetail.ORIGINAL_DESTINATION_PROPERTY);
        properties.remove(DEAD_LETTER_DELIVERY_COUNT);
        return new MessageData(m.messageId(), m.timestamp(), m.correlationId(), m.correlationIdBytes(), m.replyTo(),
                target, m.deliveryMode(), m.priority(), m.expiration(), m.deliveryTime(), m.type(), properties,
                m.bodyType(), m.body());
    }

    String sendTestMessage(DestinationName to, TestMessage message) {
        for (String name : message.properties().keySet()) {
            PropertyNames.validate(name);
            if (PropertyNames.isProviderOnly(name)) {
                throw new IllegalArgumentException("property name '" + name + "' is set by the provider only");
            }
        }
        DestinationRef ref = MessageViews.ref(to);
        try {
            access.checkDestination(ref);
        } catch (InvalidDestinationException e) {
            throw new UnknownDestinationException(to + " does not exist and the broker does not create destinations"
                    + " automatically");
        } catch (JMSException e) {
            throw new ManagementException("checking " + to + " failed: " + e.getMessage(), e);
        }
        long now = System.currentTimeMillis();
        String messageId = "ID:console-" + UUID.randomUUID();
        long expiration = message.timeToLive() == null || message.timeToLive().isZero() ? 0
                : now + message.timeToLive().toMillis();
        MessageData data = new MessageData(messageId, now, message.correlationId(), null, null, ref,
                message.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT, message.priority(),
                expiration, 0, message.type(), new LinkedHashMap<>(message.properties()), BodyType.TEXT,
                TextBodyCodec.encode(message.text()));
        Backlogs.await(access.send(List.of(data)), "sending a test message to " + to);
        return messageId;
    }
}
