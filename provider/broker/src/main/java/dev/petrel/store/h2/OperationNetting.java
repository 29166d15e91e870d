package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nets out the operations of one applier window before they reach H2: a reference added in the window
 * and removed in the same window is never written (nor are its delivery-count updates), and a message
 * added in the window whose every reference (at least one) went that way is not written either. Everything else is
 * kept, in order. Applying the result in one H2 transaction leaves H2 exactly as applying every
 * operation would have: the window commits atomically with the journal position after it, so a replay
 * never starts inside it.
 *
 * <p>Only top-level operations are netted; the operations inside a prepared XA branch are applied as
 * recorded (a commit of one that removes a reference this window added simply finds it and removes it).
 *
 * <p>This is what keeps H2 cheap while consumers keep up: a message sent and acknowledged within the
 * window costs a journal record and nothing else.
 *
 * <p>Not thread-safe; one instance per window.
 */
final class OperationNetting {
    private record Key(long storeQueueId, long messageId) {
    }

    private final List<StoreOperation> kept = new ArrayList<>();
    private final Map<Key, Integer> liveAdds = new HashMap<>();
    private final Map<Key, List<Integer>> countUpdates = new HashMap<>();
    /** Messages added in this window: the index of their AddMessage in {@link #kept}. */
    private final Map<Long, Integer> addedMessages = new HashMap<>();
    /** Per message added in this window: {references still live, references added}. */
    private final Map<Long, int[]> references = new HashMap<>();
    private long maxMessageId = -1;
    private int dropped;
    private int keptRemovals;

    /** Nets the groups' operations, in order. */
    static OperationNetting of(List<StoreBatch> batches) {
        OperationNetting netting = new OperationNetting();
        netting.addAll(batches);
        return netting;
    }

    /** Adds the next groups' operations, in order. */
    void addAll(List<StoreBatch> batches) {
        for (StoreBatch batch : batches) {
            for (StoreOperation operation : batch.operations()) {
                add(operation);
            }
        }
    }

    /**
     * How many removals so far remove a reference this window did not add: each is an H2 delete of a
     * row (and often its 1 KiB message) that the window's transaction holds until it commits.
     */
    int keptRemovals() {
        return keptRemovals;
    }

    private void add(StoreOperation operation) {
        if (operation instanceof StoreOperation.AddMessage m) {
            maxMessageId = Math.max(maxMessageId, m.messageId());
            addedMessages.put(m.messageId(), kept.size());
            references.putIfAbsent(m.messageId(), new int[2]);
            kept.add(operation);
        } else if (operation instanceof StoreOperation.AddReference r) {
            Key key = new Key(r.storeQueueId(), r.messageId());
            Integer earlier = liveAdds.put(key, kept.size());
            if (earlier != null) {
                drop(earlier); // the later MERGE of the same row supersedes it
            }
            int[] counts = references.get(r.messageId());
            if (counts != null) {
                counts[1]++;
                if (earlier == null) {
                    counts[0]++;
                }
            }
            kept.add(operation);
        } else if (operation instanceof StoreOperation.UpdateDeliveryCount u) {
            Key key = new Key(u.storeQueueId(), u.messageId());
            if (liveAdds.containsKey(key)) {
                countUpdates.computeIfAbsent(key, k -> new ArrayList<>(1)).add(kept.size());
            }
            kept.add(operation);
        } else if (operation instanceof StoreOperation.RemoveReference r) {
            Key key = new Key(r.storeQueueId(), r.messageId());
            Integer added = liveAdds.remove(key);
            if (added == null) {
                kept.add(operation);
                keptRemovals++;
                return;
            }
            drop(added);
            List<Integer> updates = countUpdates.remove(key);
            if (updates != null) {
                updates.forEach(this::drop);
            }
            int[] counts = references.get(r.messageId());
            if (counts != null) {
                counts[0]--;
            }
        } else {
            kept.add(operation);
        }
    }

    private void drop(int index) {
        kept.set(index, null);
        dropped++;
    }

    /** The operations to apply, in order. Call once. */
    List<StoreOperation> operations() {
        addedMessages.forEach((id, index) -> {
            int[] counts = references.get(id);
            if (counts[0] == 0 && counts[1] > 0) {
                drop(index);
            }
        });
        List<StoreOperation> result = new ArrayList<>(kept.size() - dropped);
        for (StoreOperation operation : kept) {
            if (operation != null) {
                result.add(operation);
            }
        }
        return result;
    }

    /** The highest message id added in the window, written or not, or -1. */
    long maxMessageId() {
        return maxMessageId;
    }
}
