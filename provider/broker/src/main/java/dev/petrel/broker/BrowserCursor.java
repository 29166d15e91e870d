package dev.petrel.broker;

import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.selector.Selector;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoredReference;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A queue browser's snapshot: the messages the queue held in memory when it was opened (in delivery
 * order), then, if the queue was paged out, the rest read from the store in message-id order.
 * Expired, not-yet-due and non-matching messages are skipped.
 *
 * <p>Threading: used by one client thread at a time (the browser's); it reads only immutable parts
 * of the entries and the store, never the queue's executor-owned state.
 */
final class BrowserCursor {
    private static final int PAGE = 256;

    private final MessageQueue queue;
    private final Selector selector;
    private final List<QueueEntry> snapshot;
    private final Set<Long> inMemoryIds;
    private int position;
    private boolean storePart;
    private long storeCursor;
    private List<MessageData> storePage = List.of();
    private int storePosition;

    BrowserCursor(MessageQueue queue, Selector selector, List<QueueEntry> snapshot, Set<Long> inMemoryIds,
                  boolean pagedOut, long pageCursor) {
        this.queue = queue;
        this.selector = selector;
        this.snapshot = snapshot;
        this.inMemoryIds = inMemoryIds;
        this.storePart = pagedOut;
        this.storeCursor = pageCursor;
    }

    synchronized List<MessageData> next(int max) throws JMSException {
        List<MessageData> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        while (out.size() < max && position < snapshot.size()) {
            MessageData m = snapshot.get(position++).message;
            if (visible(m, now)) {
                out.add(m);
            }
        }
        while (out.size() < max && storePart) {
            if (storePosition >= storePage.size() && !readStorePage()) {
                storePart = false;
                break;
            }
            while (out.size() < max && storePosition < storePage.size()) {
                MessageData m = storePage.get(storePosition++);
                if (visible(m, now)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private boolean visible(MessageData m, long now) {
        return !m.isExpiredAt(now) && m.deliveryTime() <= now && (selector == null || selector.matches(m));
    }

    private boolean readStorePage() throws JMSException {
        List<StoredReference> refs;
        try {
            refs = queue.broker.store().readReferences(queue.storeQueueId, storeCursor, PAGE);
        } catch (StoreException e) {
            JMSException failure = new JMSException("browsing " + queue.describe() + ": could not read the store after message id "
                    + storeCursor + ": " + e.getMessage());
            failure.setLinkedException(e);
            failure.initCause(e);
            throw failure;
        }
        if (refs.isEmpty()) {
            return false;
        }
        List<MessageData> page = new ArrayList<>();
        for (StoredReference ref : refs) {
            storeCursor = ref.messageId();
            if (!inMemoryIds.contains(ref.messageId())) {
                page.add(MessageCodec.decode(ref.encoded()));
            }
        }
        storePage = page;
        storePosition = 0;
        return true;
    }
}
