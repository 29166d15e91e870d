package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Takes messages off a queue for good: to a dead-letter or expiry queue (a copy with extra
 * properties and no expiration), or nowhere. The store sees the copy and the removal in one batch.
 *
 * <p>Threading: called on the source queue's executor; may wait for the registry to create the
 * target queue (never for an executor). The returned future completes on the store writer
 * thread, after the copy has been posted to its queue; the caller hops back to its executor.
 */
final class MessageMover {
    private static final Logger LOG = LoggerFactory.getLogger(MessageMover.class);

    private MessageMover() {
    }

    /**
     * Moves {@code e} from {@code from} to the queue named {@code targetQueue} with {@code extra}
     * properties, or drops it when {@code targetQueue} is null. Completes when the move is durable;
     * exceptionally when the store failed (then the message stays in the store).
     */
    static CompletableFuture<Void> move(MessageQueue from, QueueEntry e, String targetQueue, Map<String, Object> extra) {
        Broker broker = from.broker;
        StoreBatch batch = new StoreBatch();
        MessageQueue target = null;
        QueueEntry copy = null;
        if (targetQueue != null) {
            try {
                target = broker.destinations().internalQueue(targetQueue);
                MessageData moved = e.message.withDestinationAndProperties(DestinationRef.queue(targetQueue), extra)
                        .withExpiration(0);
                copy = broker.newEntry(moved, target, batch);
            } catch (JMSException failure) {
                LOG.error("{}: cannot create queue '{}' for {}; the message is dropped", from.describe(), targetQueue, e, failure);
            }
        }
        if (e.stored) {
            batch.add(new StoreOperation.RemoveReference(from.storeQueueId, e.id));
        }
        MessageQueue destination = target;
        QueueEntry moved = copy;
        return broker.write(batch).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("{}: could not move {} to '{}'; it stays in the store", from.describe(), e, targetQueue, failure);
            } else if (destination != null) {
                destination.enqueue(moved);
            }
        });
    }
}
