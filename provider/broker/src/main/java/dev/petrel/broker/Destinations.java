package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.selector.Selector;
import dev.petrel.store.QueueDefinition;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The broker's registry: queues, topics, subscriptions, temporary destinations and client ids.
 *
 * <p>Threading: every method that changes the registry is synchronized on it ({@link #targetsOf}
 * reads the concurrent maps first and takes the lock only to create). Under the lock a method may wait for
 * a store write (creating or deleting a store queue) but never for a queue's executor, and never
 * calls a client; so queue executors may call in (to create a dead-letter queue) without deadlock.
 */
final class Destinations {
    private final Broker broker;
    /** Concurrent maps so that publishers find existing destinations without the lock; changed only under it. */
    private final Map<DestinationRef, MessageQueue> queues = new ConcurrentHashMap<>();
    private final Map<DestinationRef, BrokerTopic> topics = new ConcurrentHashMap<>();
    private final Map<SubscriptionKey, MessageQueue> subscriptions = new HashMap<>();
    private final Set<String> clientIds = new HashSet<>();

    private record SubscriptionKey(String clientId, String name, boolean durable) {
    }

    Destinations(Broker broker) {
        this.broker = broker;
    }

    synchronized void recover(Recovery recovery) throws JMSException {
        for (Recovery.RecoveredQueue rq : recovery.queues()) {
            QueueDefinition def = rq.definition();
            MessageQueue queue;
            if (def.kind() == QueueDefinition.Kind.QUEUE) {
                queue = new MessageQueue(broker, DestinationRef.queue(def.name()), null, null, rq.storeQueueId());
                queues.put(queue.destination, queue);
            } else {
                BrokerTopic topic = topic(DestinationRef.topic(def.name()), null, true);
                SubscriptionInfo info = new SubscriptionInfo(topic, def.clientId(), def.subscriptionName(), true,
                        def.shared(), def.selector(), compile(def.selector()), def.noLocal(), null);
                queue = new MessageQueue(broker, topic.ref, info, null, rq.storeQueueId());
                subscriptions.put(new SubscriptionKey(def.clientId(), def.subscriptionName(), true), queue);
                topic.subscriptions.add(queue);
            }
            queue.counters.recovered(rq.messageCount());
            if (rq.messageCount() > 0) {
                queue.recover();
            }
        }
    }

    /** The queue or durable subscription stored under this id, or null. */
    synchronized MessageQueue byStoreQueueId(long storeQueueId) {
        for (MessageQueue queue : queues.values()) {
            if (queue.storeQueueId == storeQueueId) {
                return queue;
            }
        }
        for (MessageQueue queue : subscriptions.values()) {
            if (queue.storeQueueId == storeQueueId) {
                return queue;
            }
        }
        return null;
    }

    static Selector compile(String selector) throws jakarta.jms.InvalidSelectorException {
        return selector == null || selector.isBlank() ? null : Selector.parse(selector);
    }

    /** The queue (or temporary queue) named, creating a plain queue when {@code create} and auto-creation allow. */
    synchronized MessageQueue queue(DestinationRef ref, boolean create) throws JMSException {
        MessageQueue queue = queues.get(ref);
        if (queue != null) {
            return queue;
        }
        if (ref.isTemporary()) {
            throw new InvalidDestinationException(ref + " does not exist: it was deleted, or the connection that created it closed");
        }
        if (!create || !broker.config().autoCreateDestinations()) {
            throw new InvalidDestinationException(ref + " does not exist and broker '" + broker.name()
                    + "' does not create destinations automatically");
        }
        return createQueue(ref);
    }

    /** A queue the broker itself needs (dead-letter, expiry): created whatever the auto-creation setting. */
    synchronized MessageQueue internalQueue(String name) throws JMSException {
        MessageQueue queue = queues.get(DestinationRef.queue(name));
        return queue != null ? queue : createQueue(DestinationRef.queue(name));
    }

    private MessageQueue createQueue(DestinationRef ref) throws JMSException {
        long storeQueueId = -1;
        if (broker.store() != null) {
            storeQueueId = broker.nextQueueId();
            writeNow(new StoreBatch().add(new StoreOperation.AddQueue(storeQueueId, QueueDefinition.queue(ref.name()))),
                    "create " + ref);
        }
        MessageQueue queue = new MessageQueue(broker, ref, null, null, storeQueueId);
        queues.put(ref, queue);
        return queue;
    }

    synchronized BrokerTopic topic(DestinationRef ref, boolean create) throws JMSException {
        return topic(ref, null, create);
    }

    private BrokerTopic topic(DestinationRef ref, LocalConnection owner, boolean create) throws JMSException {
        BrokerTopic topic = topics.get(ref);
        if (topic != null) {
            return topic;
        }
        if (ref.isTemporary() && owner == null) {
            throw new InvalidDestinationException(ref + " does not exist: it was deleted, or the connection that created it closed");
        }
        if (!ref.isTemporary() && (!create || !broker.config().autoCreateDestinations())) {
            throw new InvalidDestinationException(ref + " does not exist and broker '" + broker.name()
                    + "' does not create destinations automatically");
        }
        topic = new BrokerTopic(ref, owner);
        topics.put(ref, topic);
        return topic;
    }

    /** Whether the destination exists now (no lock: the maps are concurrent). */
    boolean exists(DestinationRef ref) {
        return ref.isQueueLike() ? queues.containsKey(ref) : topics.containsKey(ref);
    }

    /** Checks that a destination exists, creating it when allowed. */
    synchronized void check(DestinationRef ref) throws JMSException {
        if (ref.isQueueLike()) {
            queue(ref, true);
        } else {
            topic(ref, true);
        }
    }

    /** Where a published message goes: its queue, or the topic's subscriptions that accept it. */
    List<MessageQueue> targetsOf(MessageData message, LocalConnection publisher) throws JMSException {
        DestinationRef ref = message.destination();
        if (ref.isQueueLike()) {
            MessageQueue queue = queues.get(ref);
            return List.of(queue != null ? queue : queue(ref, true));
        }
        BrokerTopic existing = topics.get(ref);
        BrokerTopic topic = existing != null ? existing : topic(ref, true);
        topic.published.increment();
        List<MessageQueue> targets = new ArrayList<>();
        for (MessageQueue subscription : topic.subscriptions) {
            if (subscription.subscription.accepts(message, publisher)) {
                targets.add(subscription);
            }
        }
        return targets;
    }

    synchronized void createTemporary(DestinationRef ref, LocalConnection owner) throws JMSException {
        if (!ref.isTemporary()) {
            throw new InvalidDestinationException(ref + " is not a temporary destination");
        }
        if (queues.containsKey(ref) || topics.containsKey(ref)) {
            throw new InvalidDestinationException(ref + " already exists: temporary destination names must be unique");
        }
        if (ref.isQueueLike()) {
            queues.put(ref, new MessageQueue(broker, ref, null, owner, -1));
        } else {
            topics.put(ref, new BrokerTopic(ref, owner));
        }
    }

    /** Deletes a temporary destination; unless {@code force}, only when it has no consumers. */
    synchronized void deleteTemporary(DestinationRef ref, LocalConnection requester, boolean force) throws JMSException {
        if (ref.isQueueLike()) {
            MessageQueue queue = queues.get(ref);
            if (queue == null) {
                throw new InvalidDestinationException(ref + " does not exist: it was already deleted");
            }
            checkOwner(ref, queue.owner, requester);
            if (!force && queue.activeConsumers > 0) {
                throw new IllegalStateException("cannot delete " + ref + ": it still has " + queue.activeConsumers + " consumer(s)");
            }
            queues.remove(ref);
            queue.delete();
        } else {
            BrokerTopic topic = topics.get(ref);
            if (topic == null) {
                throw new InvalidDestinationException(ref + " does not exist: it was already deleted");
            }
            checkOwner(ref, topic.owner, requester);
            int consumers = topic.subscriptions.stream().mapToInt(s -> s.activeConsumers).sum();
            if (!force && consumers > 0) {
                throw new IllegalStateException("cannot delete " + ref + ": it still has " + consumers + " consumer(s)");
            }
            topics.remove(ref);
            for (MessageQueue subscription : topic.subscriptions) {
                subscription.delete();
            }
            topic.subscriptions.clear();
        }
    }

    private static void checkOwner(DestinationRef ref, LocalConnection owner, LocalConnection requester) throws JMSException {
        if (owner != requester) {
            throw new InvalidDestinationException(ref + " belongs to another connection: only the connection that created it may use it for this");
        }
    }

    /** A consumer attaches to a queue: temporary queues only from their own connection. */
    synchronized MessageQueue attachToQueue(DestinationRef ref, LocalConnection consumerConnection) throws JMSException {
        MessageQueue queue = queue(ref, true);
        if (ref.isTemporary()) {
            checkOwner(ref, queue.owner, consumerConnection);
        }
        queue.activeConsumers++;
        return queue;
    }

    /** A consumer attaches to a topic: finds or creates its subscription (see JMS 3.1, 6.11 and 8.3). */
    synchronized MessageQueue subscribe(LocalConnection connection, ConsumerSpec spec, Selector selector) throws JMSException {
        DestinationRef ref = spec.destination();
        BrokerTopic topic = ref.isTemporary() ? topic(ref, null, false) : topic(ref, true);
        if (ref.isTemporary()) {
            checkOwner(ref, topic.owner, connection);
        }
        String selectorText = spec.selector() == null || spec.selector().isBlank() ? null : spec.selector();
        if (spec.subscriptionName() == null) {
            SubscriptionInfo info = new SubscriptionInfo(topic, connection.clientId(), null, false, false,
                    selectorText, selector, spec.noLocal(), connection);
            MessageQueue queue = new MessageQueue(broker, ref, info, null, -1);
            queue.activeConsumers = 1;
            topic.subscriptions.add(queue);
            return queue;
        }
        String clientId = connection.clientId();
        if (spec.durable() && !spec.shared() && clientId == null) {
            throw new IllegalStateException("unshared durable subscription '" + spec.subscriptionName()
                    + "' needs a client id: set one on the connection first");
        }
        SubscriptionKey key = new SubscriptionKey(clientId, spec.subscriptionName(), spec.durable());
        MessageQueue queue = subscriptions.get(key);
        if (queue != null) {
            SubscriptionInfo existing = queue.subscription;
            if (existing.shared() != spec.shared()) {
                throw new JMSException(existing.describe() + " exists; it cannot be used as a "
                        + (spec.shared() ? "shared" : "unshared") + " subscription");
            }
            if (!spec.shared() && queue.activeConsumers > 0) {
                throw new IllegalStateException(existing.describe() + " already has an active consumer");
            }
            if (!existing.sameShape(topic, selectorText, spec.noLocal())) {
                if (queue.activeConsumers > 0) {
                    throw new JMSException(existing.describe() + " is active on " + existing.topic().ref + " with selector "
                            + existing.selectorText() + "; a consumer on " + ref + " with selector " + selectorText
                            + " cannot join it");
                }
                removeSubscription(key, queue);
                queue = null;
            }
        }
        if (queue == null) {
            SubscriptionInfo info = new SubscriptionInfo(topic, clientId, spec.subscriptionName(), spec.durable(),
                    spec.shared(), selectorText, selector, spec.noLocal(), spec.durable() ? null : connection);
            long storeQueueId = -1;
            if (spec.durable() && broker.store() != null && !ref.isTemporary()) {
                storeQueueId = broker.nextQueueId();
                writeNow(new StoreBatch().add(new StoreOperation.AddQueue(storeQueueId, new QueueDefinition(
                        QueueDefinition.Kind.DURABLE_SUBSCRIPTION, ref.name(), clientId, spec.subscriptionName(),
                        selectorText, spec.noLocal(), spec.shared()))), "create " + info.describe());
            }
            queue = new MessageQueue(broker, ref, info, null, storeQueueId);
            subscriptions.put(key, queue);
            topic.subscriptions.add(queue);
        }
        queue.activeConsumers++;
        return queue;
    }

    /** A consumer left its queue or subscription; a non-durable subscription goes with its last consumer. */
    synchronized void detach(MessageQueue queue) throws JMSException {
        queue.activeConsumers--;
        SubscriptionInfo info = queue.subscription;
        if (info != null && !info.durable() && queue.activeConsumers <= 0) {
            if (info.name() != null) {
                subscriptions.remove(new SubscriptionKey(info.clientId(), info.name(), false), queue);
            }
            info.topic().subscriptions.remove(queue);
            queue.delete();
        }
    }

    synchronized void unsubscribe(String clientId, String name) throws JMSException {
        SubscriptionKey key = new SubscriptionKey(clientId, name, true);
        MessageQueue queue = subscriptions.get(key);
        if (queue == null) {
            throw new InvalidDestinationException("there is no durable subscription named '" + name + "'"
                    + (clientId == null ? " without a client id" : " for client id '" + clientId + "'"));
        }
        if (queue.activeConsumers > 0) {
            throw new IllegalStateException("cannot unsubscribe " + queue.subscription.describe()
                    + ": it has " + queue.activeConsumers + " active consumer(s)");
        }
        removeSubscription(key, queue);
    }

    private void removeSubscription(SubscriptionKey key, MessageQueue queue) throws JMSException {
        subscriptions.remove(key);
        queue.subscription.topic().subscriptions.remove(queue);
        if (queue.isStored()) {
            writeNow(new StoreBatch().add(new StoreOperation.DeleteQueue(queue.storeQueueId)),
                    "delete " + queue.subscription.describe());
        }
        queue.delete();
    }

    /** Every queue (temporary ones included), for management. No lock: a snapshot of the concurrent map. */
    List<MessageQueue> allQueues() {
        return new ArrayList<>(queues.values());
    }

    /** Every topic, for management. */
    List<BrokerTopic> allTopics() {
        return new ArrayList<>(topics.values());
    }

    /** The queue or temporary queue with this name, or null; never creates. */
    MessageQueue existingQueue(String name) {
        MessageQueue queue = queues.get(DestinationRef.queue(name));
        if (queue != null) {
            return queue;
        }
        for (MessageQueue q : queues.values()) {
            if (q.destination.name().equals(name)) {
                return q;
            }
        }
        return null;
    }

    /** The topic or temporary topic with this name, or null; never creates. */
    BrokerTopic existingTopic(String name) {
        BrokerTopic topic = topics.get(DestinationRef.topic(name));
        if (topic != null) {
            return topic;
        }
        for (BrokerTopic t : topics.values()) {
            if (t.ref.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    synchronized void claimClientId(String clientId, LocalConnection connection) throws JMSException {
        if (clientId == null || clientId.isEmpty()) {
            throw new InvalidClientIDException("client id must not be empty");
        }
        if (!clientIds.add(clientId)) {
            throw new InvalidClientIDException("client id '" + clientId + "' is already used by another connection to broker '"
                    + broker.name() + "'");
        }
    }

    synchronized void releaseClientId(String clientId) {
        if (clientId != null) {
            clientIds.remove(clientId);
        }
    }

    private void writeNow(StoreBatch batch, String what) throws JMSException {
        try {
            broker.write(batch).join();
        } catch (CompletionException e) {
            JMSException failure = new JMSException("could not " + what + ": the store write failed: " + e.getCause().getMessage());
            failure.setLinkedException(e.getCause() instanceof Exception ex ? ex : e);
            failure.initCause(e.getCause());
            throw failure;
        }
    }
}
