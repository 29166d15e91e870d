package dev.petrel.broker.admin;

import dev.petrel.broker.ManagedBacklog;
import dev.petrel.management.BadSelectorException;
import dev.petrel.management.ManagementException;
import dev.petrel.message.MessageCodec;
import dev.petrel.selector.Selector;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoredReference;
import jakarta.jms.InvalidSelectorException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Walks a backlog by position (message id) from a boundary, in either direction, without loading
 * it: the in-memory window (one command on the queue's executor: messages that exist only in memory,
 * and the in-flight state of stored ones) merged with the store's references, read in chunks through
 * the store's primary-key index. Stops after the wanted number of matches, or after
 * {@link #SCAN_LIMIT} messages looked at (a selector that matches little), reporting where it stopped.
 *
 * <p>Threading: stateless; called on management threads, never on an executor.
 */
final class BacklogScanner {
    /** Messages one scan looks at most; past it the page is returned short, with a position to go on from. */
    static final int SCAN_LIMIT = 50_000;
    private static final int MIN_CHUNK = 64;
    private static final int MAX_CHUNK = 1_000;

    /**
     * What a scan found.
     *
     * @param matched     the matching entries, in scan order
     * @param lastScanned the id of the last message looked at (the boundary when none)
     * @param exhausted   true when the backlog has nothing more beyond {@code lastScanned}
     */
    record Scan(List<ManagedBacklog.Entry> matched, long lastScanned, boolean exhausted) {
    }

    private BacklogScanner() {
    }

    static Selector compile(String selector) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            return Selector.parse(selector);
        } catch (InvalidSelectorException e) {
            throw new BadSelectorException(selector, e.getMessage(), e);
        }
    }

    /**
     * Scans from {@code boundary} (exclusive) upwards when {@code ascending}, else downwards, for
     * up to {@code wanted} messages matching {@code selector} (null for all) with ids no greater
     * than {@code maxId}.
     */
    static Scan scan(ManagedBacklog backlog, long boundary, boolean ascending, Selector selector, int wanted, long maxId) {
        List<ManagedBacklog.Entry> held = Backlogs.await(backlog.heldBeyond(boundary, ascending), "reading the window");
        Map<Long, ManagedBacklog.Entry> heldStored = new HashMap<>();
        List<ManagedBacklog.Entry> memoryOnly = new ArrayList<>();
        for (ManagedBacklog.Entry e : held) {
            if (e.stored()) {
                heldStored.put(e.id(), e);
            } else {
                memoryOnly.add(e);
            }
        }
        StoreCursor store = new StoreCursor(backlog, boundary, ascending,
                Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, selector == null ? wanted : MAX_CHUNK)));
        Iterator<ManagedBacklog.Entry> memory = memoryOnly.iterator();
        ManagedBacklog.Entry nextMemory = memory.hasNext() ? memory.next() : null;
        List<ManagedBacklog.Entry> matched = new ArrayList<>();
        long last = boundary;
        int scanned = 0;
        while (matched.size() < wanted) {
            StoredReference nextStored = store.peek();
            if (nextStored == null && nextMemory == null) {
                return new Scan(matched, last, true);
            }
            if (scanned >= SCAN_LIMIT) {
                return new Scan(matched, last, false);
            }
            ManagedBacklog.Entry candidate;
            boolean takeStored = nextMemory == null
                    || (nextStored != null && (ascending ? nextStored.messageId() < nextMemory.id()
                    : nextStored.messageId() > nextMemory.id()));
            if (takeStored) {
                store.next();
                ManagedBacklog.Entry inMemory = heldStored.get(nextStored.messageId());
                candidate = inMemory != null ? inMemory : new ManagedBacklog.Entry(nextStored.messageId(),
                        MessageCodec.decode(nextStored.encoded()), nextStored.deliveryCount(), false, true);
            } else {
                candidate = nextMemory;
                nextMemory = memory.hasNext() ? memory.next() : null;
            }
            scanned++;
            last = candidate.id();
            if (ascending && candidate.id() > maxId) {
                return new Scan(matched, last, true);
            }
            if (candidate.id() <= maxId && (selector == null || selector.matches(candidate.message()))) {
                matched.add(candidate);
            }
        }
        return new Scan(matched, last, false);
    }

    /** The store's references beyond a boundary, read a chunk at a time. */
    private static final class StoreCursor {
        private final ManagedBacklog backlog;
        private final boolean ascending;
        private final int chunk;
        private long position;
        private List<StoredReference> buffer = List.of();
        private int index;
        private boolean end;

        StoreCursor(ManagedBacklog backlog, long boundary, boolean ascending, int chunk) {
            this.backlog = backlog;
            this.position = boundary;
            this.ascending = ascending;
            this.chunk = chunk;
            this.end = !backlog.stored();
        }

        StoredReference peek() {
            if (index >= buffer.size() && !end) {
                fill();
            }
            return index < buffer.size() ? buffer.get(index) : null;
        }

        void next() {
            index++;
        }

        private void fill() {
            try {
                buffer = ascending ? backlog.readStored(position, chunk) : backlog.readStoredBefore(position, chunk);
            } catch (StoreException e) {
                throw new ManagementException("reading the backlog of " + backlog.destinationName() + " from the store "
                        + (ascending ? "after" : "before") + " message " + position + " failed: " + e.getMessage(), e);
            }
            index = 0;
            if (buffer.size() < chunk) {
                end = true;
            }
            if (!buffer.isEmpty()) {
                position = buffer.get(buffer.size() - 1).messageId();
            }
        }
    }
}
