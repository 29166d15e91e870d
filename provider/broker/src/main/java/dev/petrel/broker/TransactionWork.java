package dev.petrel.broker;

import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an XA branch worked out in advance: the store operations that make it durable
 * (persistent sends to stored queues, removal of acknowledged stored references) and what to do in
 * memory once they are (enqueue the sends, forget the acknowledged entries). Built at prepare (or
 * one-phase commit) so that the message ids in the prepared record are the ones committed.
 *
 * <p>Threading: built and used by one thread at a time (its branch's owner); {@link #apply} and
 * {@link #discard} only post to queue executors.
 */
final class TransactionWork {

    /** A send buffered in a branch, with the connection that sent it (for noLocal). */
    record Send(MessageData message, LocalConnection publisher) {
    }

    private final Broker broker;
    private final List<StoreOperation> operations = new ArrayList<>();
    private final List<Runnable> visible = new ArrayList<>();
    private final Map<MessageQueue, List<QueueEntry>> acked = new LinkedHashMap<>();
    private final List<DeliveryRecord> acks;
    private long reservedBytes;

    private TransactionWork(Broker broker, List<DeliveryRecord> acks) {
        this.broker = broker;
        this.acks = acks;
    }

    /**
     * Works out the sends and acknowledgements. Fails with {@code ResourceAllocationException} when
     * the non-pageable sends exceed the broker's memory limit (nothing is then reserved), or with
     * {@code InvalidDestinationException} for a destination that no longer exists.
     */
    static TransactionWork plan(Broker broker, List<Send> sends, List<DeliveryRecord> acks) throws JMSException {
        TransactionWork work = new TransactionWork(broker, acks);
        long unpageable = 0;
        for (Send send : sends) {
            MessageData message = send.message();
            List<MessageQueue> targets = broker.destinations().targetsOf(message, send.publisher());
            long id = broker.nextMessageId();
            boolean written = false;
            for (MessageQueue target : targets) {
                boolean stored = broker.store() != null && message.isPersistent() && target.isStored();
                if (stored && !written) {
                    work.operations.add(new StoreOperation.AddMessage(id, MessageCodec.encode(message)));
                    written = true;
                }
                QueueEntry entry = new QueueEntry(id, message, stored, 0);
                if (stored) {
                    work.operations.add(new StoreOperation.AddReference(target.storeQueueId, id, message.priority(), 0));
                } else {
                    entry.reserved = true;
                    unpageable += entry.size;
                }
                work.visible.add(() -> target.enqueue(entry));
            }
        }
        if (unpageable > 0) {
            if (!broker.tryReserveMemory(unpageable)) {
                throw new ResourceAllocationException("broker '" + broker.name() + "' memory limit of "
                        + broker.config().memoryLimitBytes() + " bytes reached (" + broker.memoryUsed()
                        + " in use): the transaction's messages that cannot be paged to the store were refused");
            }
        }
        work.reservedBytes = unpageable;
        for (DeliveryRecord ack : acks) {
            if (ack.entry().stored) {
                work.operations.add(new StoreOperation.RemoveReference(ack.queue().storeQueueId, ack.entry().id));
            }
            work.acked.computeIfAbsent(ack.queue(), q -> new ArrayList<>()).add(ack.entry());
        }
        return work;
    }

    /** The store operations (possibly none). */
    List<StoreOperation> operations() {
        return operations;
    }

    /** The work is durable: the sends go to their queues, the acknowledged entries are forgotten. */
    void apply() {
        visible.forEach(Runnable::run);
        acked.forEach(MessageQueue::acknowledged);
    }

    /** The work is abandoned: releases the memory reserved for the sends; the caller returns the acknowledged deliveries. */
    void discard() {
        broker.addMemory(-reservedBytes);
        reservedBytes = 0;
    }

    /** The deliveries the branch acknowledged. */
    List<DeliveryRecord> acks() {
        return acks;
    }

    StoreBatch batch() {
        return new StoreBatch().addAll(operations);
    }
}
