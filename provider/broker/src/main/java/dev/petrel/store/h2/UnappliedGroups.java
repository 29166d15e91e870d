package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the journal holds and H2 does not yet, summarised per group and store queue, so that a read of
 * a queue's references can tell whether H2 alone answers it. Without it every read waited for the
 * applier to apply everything confirmed; with producers filling the journal up to its lag limit that
 * took a quarter of a second per page, and a paged queue's transacted consumer fell from ~55,000 to
 * ~1,100 msg/s.
 *
 * <p>A read of the references after message id {@code after} needs from H2 every confirmed change
 * to the references it may return: the removals and delivery counts of ids above {@code after}, and
 * the additions up to the last id it returns (all of them when it returns fewer rows than asked). A
 * consumer's acknowledgements remove ids the pager has already read, and producers add ids above
 * the page, so usually H2 answers alone. Opaque groups (an XA commit, whose operations only H2
 * holds) and queue deletions make the read wait.
 *
 * <p>Threading: {@link #add} on the store writer thread, before the group is confirmed; {@link #applied}
 * on the applier thread, after H2 committed it; {@link #check} from any thread, before the read's
 * query, so that every group confirmed before the check is either committed in H2 or in the check.
 * All under this object's lock.
 */
final class UnappliedGroups {
    static final long NONE = Long.MAX_VALUE;

    /** One group's changes to one store queue. */
    private static final class QueueChanges {
        long minAdded = NONE;
        long maxAdded = Long.MIN_VALUE;
        /** The highest id removed or re-counted; {@link #NONE} when the queue was deleted. */
        long maxChanged = Long.MIN_VALUE;
    }

    private record Group(long endPosition, boolean opaque, Map<Long, QueueChanges> queues) {
    }

    /**
     * What a read must do.
     *
     * @param mustWait         H2 may lack a change the read needs: wait for the applier first
     * @param lowestAddedAfter a lower bound for the ids above {@code after} that unapplied groups add
     *                         to the queue, or {@link #NONE}
     */
    record ReadCheck(boolean mustWait, long lowestAddedAfter) {
        /** Whether a page read without waiting, ending at {@code lastId}, may lack an unapplied addition. */
        boolean mayMiss(long lastId, boolean full) {
            return full ? lowestAddedAfter <= lastId : lowestAddedAfter != NONE;
        }
    }

    private final ArrayDeque<Group> groups = new ArrayDeque<>();

    /** Records a group the journal holds up to {@code endPosition}. */
    synchronized void add(List<StoreBatch> batches, long endPosition) {
        Map<Long, QueueChanges> queues = new HashMap<>(4);
        boolean opaque = false;
        for (StoreBatch batch : batches) {
            for (StoreOperation operation : batch.operations()) {
                if (operation instanceof StoreOperation.AddReference r) {
                    QueueChanges c = queues.computeIfAbsent(r.storeQueueId(), q -> new QueueChanges());
                    c.minAdded = Math.min(c.minAdded, r.messageId());
                    c.maxAdded = Math.max(c.maxAdded, r.messageId());
                } else if (operation instanceof StoreOperation.RemoveReference r) {
                    changed(queues, r.storeQueueId(), r.messageId());
                } else if (operation instanceof StoreOperation.UpdateDeliveryCount u) {
                    changed(queues, u.storeQueueId(), u.messageId());
                } else if (operation instanceof StoreOperation.DeleteQueue d) {
                    changed(queues, d.storeQueueId(), NONE);
                } else if (operation instanceof StoreOperation.CommitPrepared) {
                    opaque = true;
                }
            }
        }
        if (opaque || !queues.isEmpty()) {
            groups.add(new Group(endPosition, opaque, queues));
        }
    }

    private static void changed(Map<Long, QueueChanges> queues, long storeQueueId, long messageId) {
        QueueChanges c = queues.computeIfAbsent(storeQueueId, q -> new QueueChanges());
        c.maxChanged = Math.max(c.maxChanged, messageId);
    }

    /** Forgets the groups H2 now holds: those ending at or before {@code position}. */
    synchronized void applied(long position) {
        while (!groups.isEmpty() && groups.peekFirst().endPosition() <= position) {
            groups.pollFirst();
        }
    }

    /** What a read of {@code storeQueueId}'s references after message id {@code after} must do. */
    synchronized ReadCheck check(long storeQueueId, long after) {
        long lowest = NONE;
        for (Group g : groups) {
            if (g.opaque()) {
                return new ReadCheck(true, NONE);
            }
            QueueChanges c = g.queues().get(storeQueueId);
            if (c == null) {
                continue;
            }
            if (c.maxChanged > after) {
                return new ReadCheck(true, NONE);
            }
            if (c.maxAdded > after) {
                lowest = Math.min(lowest, Math.max(c.minAdded, after + 1));
            }
        }
        return new ReadCheck(false, lowest);
    }
}
