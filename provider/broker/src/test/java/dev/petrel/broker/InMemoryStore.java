package dev.petrel.broker;

import dev.petrel.store.MessageStore;
import dev.petrel.store.QueueDefinition;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoreStats;
import dev.petrel.store.StoredReference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A test-only store: the SPI's semantics in maps, with its own writer thread completing batches in
 * order (as a real store does). Survives a broker restart when the same instance is reopened.
 * Thread-safe: all state is guarded by {@code this}.
 */
final class InMemoryStore implements MessageStore {
    private final Map<Long, QueueDefinition> queues = new HashMap<>();
    private final Map<Long, TreeMap<Long, int[]>> references = new HashMap<>();
    private final Map<Long, byte[]> messages = new HashMap<>();
    private final List<StoreBatch> batches = new ArrayList<>();
    private ExecutorService writer;
    private long maxMessageId;
    private long maxQueueId;

    @Override
    public synchronized Recovery open() {
        writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "in-memory-store-writer");
            t.setDaemon(true);
            return t;
        });
        List<Recovery.RecoveredQueue> recovered = new ArrayList<>();
        queues.forEach((id, def) -> recovered.add(new Recovery.RecoveredQueue(id, def, references.get(id).size())));
        return new Recovery(recovered, maxMessageId, maxQueueId);
    }

    @Override
    public CompletableFuture<Void> write(StoreBatch batch) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        writer.execute(() -> {
            apply(batch);
            done.complete(null);
        });
        return done;
    }

    private synchronized void apply(StoreBatch batch) {
        batches.add(batch);
        for (StoreOperation op : batch.operations()) {
            if (op instanceof StoreOperation.AddQueue q) {
                queues.put(q.storeQueueId(), q.definition());
                references.putIfAbsent(q.storeQueueId(), new TreeMap<>());
                maxQueueId = Math.max(maxQueueId, q.storeQueueId());
            } else if (op instanceof StoreOperation.DeleteQueue q) {
                queues.remove(q.storeQueueId());
                references.remove(q.storeQueueId());
            } else if (op instanceof StoreOperation.AddMessage m) {
                messages.put(m.messageId(), m.encoded());
                maxMessageId = Math.max(maxMessageId, m.messageId());
            } else if (op instanceof StoreOperation.AddReference r) {
                references.get(r.storeQueueId()).put(r.messageId(), new int[] {r.priority(), r.deliveryCount()});
            } else if (op instanceof StoreOperation.RemoveReference r) {
                TreeMap<Long, int[]> refs = references.get(r.storeQueueId());
                if (refs != null) {
                    refs.remove(r.messageId());
                }
                if (references.values().stream().noneMatch(m -> m.containsKey(r.messageId()))) {
                    messages.remove(r.messageId());
                }
            } else if (op instanceof StoreOperation.UpdateDeliveryCount u) {
                int[] ref = references.get(u.storeQueueId()).get(u.messageId());
                if (ref != null) {
                    ref[1] = u.deliveryCount();
                }
            }
        }
    }

    @Override
    public synchronized List<StoredReference> readReferences(long storeQueueId, long afterMessageId, int max) {
        List<StoredReference> out = new ArrayList<>();
        TreeMap<Long, int[]> refs = references.get(storeQueueId);
        if (refs == null) {
            return out;
        }
        for (Map.Entry<Long, int[]> e : refs.tailMap(afterMessageId, false).entrySet()) {
            if (out.size() == max) {
                break;
            }
            out.add(new StoredReference(e.getKey(), e.getValue()[0], e.getValue()[1], messages.get(e.getKey())));
        }
        return out;
    }

    /** How many references a store queue holds now. */
    synchronized int referenceCount(long storeQueueId) {
        TreeMap<Long, int[]> refs = references.get(storeQueueId);
        return refs == null ? 0 : refs.size();
    }

    synchronized int messageCount() {
        return messages.size();
    }

    /** Every batch written so far, in order. */
    synchronized List<StoreBatch> batches() {
        return new ArrayList<>(batches);
    }

    synchronized int queueCount() {
        return queues.size();
    }

    @Override
    public StoreStats stats() {
        return new StoreStats("memory", 0);
    }

    @Override
    public void close() {
        ExecutorService w;
        synchronized (this) {
            w = writer;
        }
        if (w != null) {
            w.shutdown();
            try {
                w.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
