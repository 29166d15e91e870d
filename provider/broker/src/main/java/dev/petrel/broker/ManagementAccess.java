package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoreStats;
import jakarta.jms.JMSException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The broker internals the management API ({@code dev.petrel.broker.admin}) needs, as plain
 * values and {@link ManagedBacklog}s. Not part of the embedding API: {@link Broker#admin()} is.
 *
 * <p>Threading: every method may be called from any thread. Listings read the registry's
 * concurrent maps and counters without locks (snapshots); registry changes go through
 * {@link Destinations}' own locking; nothing here waits for a queue's executor.
 */
public final class ManagementAccess {

    /** One consumer of a connection. */
    public record ConsumerView(long id, long sessionId, DestinationRef destination, String subscriptionName,
                               String selector, int inFlight) {
    }

    /** One open connection. */
    public record ConnectionView(String id, String remoteAddress, String clientId, String user, Instant connectedAt,
                                 int sessions, List<ConsumerView> consumers) {
    }

    /** One topic and its subscriptions. */
    public record TopicView(String name, long messagesIn, List<ManagedBacklog> subscriptions) {
    }

    private final Broker broker;

    ManagementAccess(Broker broker) {
        this.broker = broker;
    }

    public String brokerName() {
        return broker.name();
    }

    public String version() {
        return Broker.VERSION;
    }

    public Instant startedAt() {
        return broker.startedAt();
    }

    /** The store's location and size, or null when the broker runs without a store. */
    public StoreStats storeStats() {
        return broker.store() == null ? null : broker.store().stats();
    }

    public long memoryUsedBytes() {
        return broker.memoryUsed();
    }

    public long memoryLimitBytes() {
        return broker.config().memoryLimitBytes();
    }

    public MessageRates rates() {
        return broker.rates();
    }

    /** The highest message id handed out so far (messages arriving later have larger ids). */
    public long lastMessageId() {
        return broker.lastMessageId();
    }

    /** Names the broker's policies use as dead-letter or expiry queues. */
    public Set<String> deadLetterQueueNames() {
        Set<String> names = new LinkedHashSet<>();
        List<DestinationPolicy> policies = new ArrayList<>(broker.config().policies().values());
        policies.add(broker.config().defaultPolicy());
        for (DestinationPolicy p : policies) {
            names.add(p.deadLetterQueue());
            if (p.expiryQueue() != null) {
                names.add(p.expiryQueue());
            }
        }
        return names;
    }

    public List<ManagedBacklog> queues() {
        List<ManagedBacklog> out = new ArrayList<>();
        for (MessageQueue q : broker.destinations().allQueues()) {
            out.add(new ManagedBacklog(q));
        }
        return out;
    }

    /** The queue with this name, or null. */
    public ManagedBacklog queue(String name) {
        MessageQueue q = broker.destinations().existingQueue(name);
        return q == null ? null : new ManagedBacklog(q);
    }

    public List<TopicView> topics() {
        List<TopicView> out = new ArrayList<>();
        for (BrokerTopic t : broker.destinations().allTopics()) {
            out.add(view(t));
        }
        return out;
    }

    /** The topic with this name, or null. */
    public TopicView topic(String name) {
        BrokerTopic t = broker.destinations().existingTopic(name);
        return t == null ? null : view(t);
    }

    private static TopicView view(BrokerTopic t) {
        List<ManagedBacklog> subs = new ArrayList<>();
        for (MessageQueue q : t.subscriptions) {
            subs.add(new ManagedBacklog(q));
        }
        return new TopicView(t.ref.name(), t.published.sum(), subs);
    }

    public List<ConnectionView> connections() {
        List<ConnectionView> out = new ArrayList<>();
        for (LocalConnection c : broker.openConnections()) {
            List<ConsumerView> consumers = new ArrayList<>();
            c.consumerHandles().forEach((id, handle) -> {
                ConsumerSpec spec = handle.spec();
                consumers.add(new ConsumerView(id, handle.session().id, spec.destination(), spec.subscriptionName(),
                        spec.selector() == null || spec.selector().isBlank() ? null : spec.selector(),
                        handle.session().inFlight(id)));
            });
            out.add(new ConnectionView(c.info().connectionId(), c.remoteAddress, c.clientId(), c.user, c.connectedAt,
                    c.sessionCount(), consumers));
        }
        return out;
    }

    /**
     * Closes a connection as the broker would (deliveries go back to their queues), then tells its
     * client {@code reason}. False when no open connection has that id.
     */
    public boolean closeConnection(String connectionId, String reason) {
        for (LocalConnection c : broker.openConnections()) {
            if (c.info().connectionId().equals(connectionId)) {
                c.close();
                c.handler().connectionFailed(new JMSException(reason));
                return true;
            }
        }
        return false;
    }

    /**
     * Deletes a durable subscription ({@code InvalidDestinationException} when there is none,
     * {@code IllegalStateException} while it has consumers).
     */
    public void unsubscribe(String clientId, String subscriptionName) throws JMSException {
        broker.destinations().unsubscribe(clientId, subscriptionName);
    }

    /** Makes sure a destination exists, creating it when the broker auto-creates ({@code InvalidDestinationException} else). */
    public void checkDestination(DestinationRef ref) throws JMSException {
        broker.destinations().check(ref);
    }

    /** Sends messages as a producer without a connection would; completes when they are durable and queued. */
    public CompletableFuture<Void> send(List<MessageData> messages) {
        return broker.commitWork(null, messages, List.of());
    }

    /**
     * Writes, in one atomic store batch, copies of messages to existing destinations (a queue, or
     * every subscription of a topic that accepts it) together with {@code extra} operations (the
     * removals from the source); after the batch is durable the copies are queued. Delivery counts
     * start at zero. Fails with {@code InvalidDestinationException} when a target does not exist.
     */
    public CompletableFuture<Void> writeCopies(List<MessageData> copies, List<StoreOperation> extra) {
        StoreBatch batch = new StoreBatch();
        List<Runnable> visible = new ArrayList<>();
        try {
            for (MessageData message : copies) {
                List<MessageQueue> targets = broker.destinations().targetsOf(message, null);
                long id = broker.nextMessageId();
                boolean written = false;
                for (MessageQueue target : targets) {
                    boolean stored = broker.store() != null && message.isPersistent() && target.isStored();
                    if (stored && !written) {
                        batch.add(new StoreOperation.AddMessage(id, MessageCodec.encode(message)));
                        written = true;
                    }
                    if (stored) {
                        batch.add(new StoreOperation.AddReference(target.storeQueueId, id, message.priority(), 0));
                    }
                    QueueEntry entry = new QueueEntry(id, message, stored, 0);
                    visible.add(() -> target.enqueue(entry));
                }
            }
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
        extra.forEach(batch::add);
        return broker.write(batch).thenRun(() -> visible.forEach(Runnable::run));
    }
}
