package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.Delivery;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Enumeration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A queue browser. Each {@link #getEnumeration()} opens a broker browser cursor (a snapshot in
 * delivery order) and fetches it page by page. Closing the browser (or its session) closes every
 * cursor it opened.
 *
 * <p>Thread-safety: used by one thread at a time (JMS session rules).
 */
public class PetrelQueueBrowser implements QueueBrowser {

    private static final Logger LOG = LoggerFactory.getLogger(PetrelQueueBrowser.class);
    static final int PAGE_SIZE = 100;

    private final PetrelSession session;
    private final Queue queue;
    private final DestinationRef ref;
    private final String selector;
    private final List<Long> openCursors = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    PetrelQueueBrowser(PetrelSession session, Queue queue, DestinationRef ref, String selector) {
        this.session = session;
        this.queue = queue;
        this.ref = ref;
        this.selector = selector;
    }

    private void checkClosed() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("queue browser");
        }
        session.checkClosed();
    }

    void closedWithSession() {
        closed = true;
        openCursors.clear();
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkClosed();
        return queue;
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkClosed();
        return selector;
    }

    @Override
    public Enumeration<Message> getEnumeration() throws JMSException {
        checkClosed();
        long browserId = session.connection().nextId();
        session.connection().broker().openBrowser(session.id(), browserId, ref, selector);
        openCursors.add(browserId);
        return new Cursor(browserId);
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        closed = true;
        session.browserClosed(this);
        if (session.isClosed()) {
            return;
        }
        for (Long cursor : openCursors) {
            session.connection().broker().closeBrowser(cursor);
        }
        openCursors.clear();
    }

    /** One enumeration: pages fetched on demand; closes its cursor at the end. */
    private final class Cursor implements Enumeration<Message> {
        private final long browserId;
        private final ArrayDeque<MessageData> page = new ArrayDeque<>();
        private boolean exhausted;

        Cursor(long browserId) {
            this.browserId = browserId;
        }

        @Override
        public boolean hasMoreElements() {
            if (!page.isEmpty()) {
                return true;
            }
            if (exhausted || closed) {
                return false;
            }
            try {
                List<MessageData> next = session.connection().broker().browseNext(browserId, PAGE_SIZE);
                if (next.isEmpty()) {
                    exhausted = true;
                    if (openCursors.remove(browserId)) {
                        session.connection().broker().closeBrowser(browserId);
                    }
                    return false;
                }
                page.addAll(next);
                return true;
            } catch (JMSException e) {
                LOG.warn("browsing {} failed", ref, e);
                throw JmsExceptions.toRuntime(e);
            }
        }

        @Override
        public Message nextElement() {
            if (!hasMoreElements()) {
                throw new NoSuchElementException("no more messages on " + ref + " for this browser");
            }
            MessageData data = page.pollFirst();
            return MessageBridge.fromDelivery(new Delivery(0L, 0L, data, 1, false), null);
        }
    }
}
