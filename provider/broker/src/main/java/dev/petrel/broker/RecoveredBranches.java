package dev.petrel.broker;

import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * XA branches the store recovered in the prepared state, and the messages they acknowledged: those
 * stay on their queues in the store but are held, never delivered, until the branch's outcome
 * ({@link #isLocked}); then {@link #settle} hands the outcome to the queues.
 *
 * <p>Threading: the lock sets are concurrent; queues read them on their executors and remove their
 * own entries there ({@link #unlock}), so a page read and a settlement never race on one queue.
 */
final class RecoveredBranches {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveredBranches.class);

    private final Broker broker;
    /** Store queue id → ids of the messages recovered prepared branches acknowledged there. */
    private final Map<Long, Set<Long>> locks = new ConcurrentHashMap<>();

    RecoveredBranches(Broker broker) {
        this.broker = broker;
    }

    /** The recovered branches; their acknowledged messages are locked from now on. */
    List<XaBranch> load(Recovery recovery) {
        List<XaBranch> branches = new ArrayList<>();
        for (Recovery.PreparedTransaction p : recovery.preparedTransactions()) {
            branches.add(new XaBranch(PetrelXid.fromBytes(p.xid()), p.operations()));
            for (StoreOperation operation : p.operations()) {
                if (operation instanceof StoreOperation.RemoveReference r) {
                    locks.computeIfAbsent(r.storeQueueId(), q -> ConcurrentHashMap.newKeySet()).add(r.messageId());
                }
            }
        }
        if (!branches.isEmpty()) {
            LOG.info("broker '{}': {} prepared XA branch(es) recovered, waiting for their outcome", broker.name(),
                    branches.size());
        }
        return branches;
    }

    /** Whether a recovered prepared branch acknowledged this message (it must not be delivered). */
    boolean isLocked(long storeQueueId, long messageId) {
        if (locks.isEmpty()) {
            return false;
        }
        Set<Long> locked = locks.get(storeQueueId);
        return locked != null && locked.contains(messageId);
    }

    /** Called on the queue's executor when it settles a locked message. */
    void unlock(long storeQueueId, long messageId) {
        Set<Long> locked = locks.get(storeQueueId);
        if (locked != null) {
            locked.remove(messageId);
        }
    }

    /**
     * The branch's outcome is durable: committed, its sends go to their queues and its acknowledged
     * messages are forgotten; rolled back, those come back redelivered.
     */
    void settle(XaBranch branch, boolean committed) {
        Map<Long, MessageData> messages = new HashMap<>();
        Map<Long, List<Long>> acknowledged = new LinkedHashMap<>();
        for (StoreOperation operation : branch.recoveredOperations) {
            if (operation instanceof StoreOperation.AddMessage m && committed) {
                messages.put(m.messageId(), MessageCodec.decode(m.encoded()));
            } else if (operation instanceof StoreOperation.RemoveReference r) {
                acknowledged.computeIfAbsent(r.storeQueueId(), q -> new ArrayList<>()).add(r.messageId());
            }
        }
        if (committed) {
            for (StoreOperation operation : branch.recoveredOperations) {
                if (operation instanceof StoreOperation.AddReference r) {
                    MessageQueue queue = broker.destinations().byStoreQueueId(r.storeQueueId());
                    MessageData message = messages.get(r.messageId());
                    if (queue == null || message == null) {
                        LOG.warn("broker '{}': committed {} sends message {} to store queue {}, which no longer"
                                + " exists; it is not delivered", broker.name(), branch, r.messageId(), r.storeQueueId());
                        continue;
                    }
                    queue.enqueue(new QueueEntry(r.messageId(), message, true, r.deliveryCount()));
                }
            }
        }
        acknowledged.forEach((queueId, ids) -> {
            MessageQueue queue = broker.destinations().byStoreQueueId(queueId);
            if (queue == null) {
                ids.forEach(id -> unlock(queueId, id));
            } else {
                queue.settleRecovered(ids, committed);
            }
        });
    }
}
