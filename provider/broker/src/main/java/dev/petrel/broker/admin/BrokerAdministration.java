package dev.petrel.broker.admin;

import dev.petrel.broker.ManagedBacklog;
import dev.petrel.broker.ManagementAccess;
import dev.petrel.broker.MessageRates;
import dev.petrel.management.AuditEvent;
import dev.petrel.management.BacklogRef;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.BrokerOverview;
import dev.petrel.management.BrowseOrder;
import dev.petrel.management.BrowsePage;
import dev.petrel.management.BrowseRequest;
import dev.petrel.management.ConnectionSummary;
import dev.petrel.management.ConsumerInfo;
import dev.petrel.management.DestinationName;
import dev.petrel.management.ManagementConflictException;
import dev.petrel.management.MessageDetail;
import dev.petrel.management.MessageSummary;
import dev.petrel.management.QueueInfo;
import dev.petrel.management.RateSample;
import dev.petrel.management.RateSeries;
import dev.petrel.management.RetryResult;
import dev.petrel.management.SubscriptionInfo;
import dev.petrel.management.SubscriptionRef;
import dev.petrel.management.TestMessage;
import dev.petrel.management.TopicInfo;
import dev.petrel.management.UnknownConnectionException;
import dev.petrel.management.UnknownDestinationException;
import dev.petrel.management.UnknownMessageException;
import dev.petrel.store.StoreStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The broker's {@link BrokerAdmin}: listings from counters, browsing by position through the
 * window and the store's index ({@link BacklogScanner}), edits in batches ({@link BacklogEditor},
 * {@link MessageActions}). Obtained from {@code Broker.admin()} / {@code EmbeddedBroker.admin()}.
 *
 * <p>Threading: thread-safe, stateless apart from the subscription ids ({@link Backlogs}). Every
 * read or change of a queue's state is a short command on that queue's serial executor; this class
 * waits for those commands on the caller's thread, never on an executor.
 */
public final class BrokerAdministration implements BrokerAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerAdministration.class);
    /** How many audit events the broker keeps in memory. */
    public static final int AUDIT_KEPT = 1_000;
    static final String CLOSED_BY_ADMINISTRATOR = "the connection was closed by an administrator";

    private final ManagementAccess access;
    private final Backlogs backlogs;
    private final BacklogEditor editor;
    private final MessageActions actions;
    private final java.util.ArrayDeque<AuditEvent> auditTrail = new java.util.ArrayDeque<>();

    public BrokerAdministration(ManagementAccess access) {
        this.access = access;
        this.backlogs = new Backlogs(access);
        this.editor = new BacklogEditor(access);
        this.actions = new MessageActions(access, backlogs, editor);
    }

    @Override
    public BrokerOverview overview() {
        StoreStats stats = access.storeStats();
        int paging = 0;
        for (ManagedBacklog q : access.queues()) {
            paging += q.paging() ? 1 : 0;
        }
        for (ManagementAccess.TopicView t : access.topics()) {
            for (ManagedBacklog s : t.subscriptions()) {
                paging += s.paging() ? 1 : 0;
            }
        }
        MessageRates rates = access.rates();
        return new BrokerOverview(access.brokerName(), access.version(), access.startedAt(),
                Duration.between(access.startedAt(), Instant.now()), stats == null ? "memory" : stats.location(),
                stats == null ? 0 : stats.bytesOnDisk(), access.connections().size(), rates.totalIn(), rates.totalOut(),
                access.memoryUsedBytes(), access.memoryLimitBytes(), paging);
    }

    @Override
    public List<QueueInfo> queues() {
        Set<String> deadLetter = access.deadLetterQueueNames();
        List<QueueInfo> out = new ArrayList<>();
        for (ManagedBacklog q : access.queues()) {
            out.add(info(q, deadLetter));
        }
        out.sort(Comparator.comparing(QueueInfo::name));
        return out;
    }

    @Override
    public Optional<QueueInfo> queue(String name) {
        ManagedBacklog q = access.queue(name);
        return q == null ? Optional.empty() : Optional.of(info(q, access.deadLetterQueueNames()));
    }

    private static QueueInfo info(ManagedBacklog q, Set<String> deadLetter) {
        return new QueueInfo(q.destinationName(), q.depth(), q.inFlight(), q.consumers(), q.messagesIn(),
                q.messagesOut(), q.paging(), 0, deadLetter.contains(q.destinationName()));
    }

    @Override
    public List<TopicInfo> topics() {
        List<TopicInfo> out = new ArrayList<>();
        for (ManagementAccess.TopicView t : access.topics()) {
            out.add(info(t));
        }
        out.sort(Comparator.comparing(TopicInfo::name));
        return out;
    }

    @Override
    public Optional<TopicInfo> topic(String name) {
        ManagementAccess.TopicView t = access.topic(name);
        return t == null ? Optional.empty() : Optional.of(info(t));
    }

    private TopicInfo info(ManagementAccess.TopicView t) {
        List<SubscriptionInfo> subs = new ArrayList<>();
        for (ManagedBacklog s : t.subscriptions()) {
            long depth = s.depth();
            subs.add(new SubscriptionInfo(backlogs.idOf(s), t.name(), s.subscriptionName(), s.clientId(), s.durable(),
                    s.shared(), s.selector(), s.noLocal(), s.consumers(), depth,
                    depth == 0 ? null : actions.oldestAge(s), s.paging()));
        }
        subs.sort(Comparator.comparing(SubscriptionInfo::id));
        return new TopicInfo(t.name(), t.messagesIn(), subs);
    }

    @Override
    public BrowsePage browse(BrowseRequest request) {
        ManagedBacklog backlog = backlogs.resolve(request.backlog());
        boolean ascending = request.order() == BrowseOrder.OLDEST_FIRST;
        long boundary = request.position() == null ? (ascending ? 0 : Long.MAX_VALUE) : position(request.position());
        BacklogScanner.Scan scan = BacklogScanner.scan(backlog, boundary, ascending,
                BacklogScanner.compile(request.selector()), request.pageSize() + 1, Long.MAX_VALUE);
        List<MessageSummary> page = new ArrayList<>();
        for (int i = 0; i < Math.min(request.pageSize(), scan.matched().size()); i++) {
            page.add(MessageViews.summary(scan.matched().get(i)));
        }
        String next;
        if (scan.matched().size() > request.pageSize()) {
            next = page.get(page.size() - 1).id();
        } else {
            next = scan.exhausted() ? null : Long.toString(scan.lastScanned());
        }
        return new BrowsePage(page, next, backlog.depth());
    }

    private static long position(String position) {
        try {
            long id = Long.parseLong(position);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("position '" + position
                    + "' was not handed out by a browse: positions are message ids (digits)", e);
        }
        throw new IllegalArgumentException("position '" + position + "' was not handed out by a browse: it is negative");
    }

    @Override
    public MessageDetail message(BacklogRef backlog, String id) {
        ManagedBacklog b = backlogs.resolve(backlog);
        ManagedBacklog.Entry entry = actions.find(b, id);
        if (entry == null) {
            throw new UnknownMessageException(backlog, id);
        }
        return MessageViews.detail(entry, backlog);
    }

    @Override
    public long purge(BacklogRef backlog) {
        ManagedBacklog b = backlogs.resolve(backlog);
        long removed = editor.purge(b, access.lastMessageId());
        LOG.info("{}: purged {} message(s)", backlog.describe(), removed);
        return removed;
    }

    @Override
    public long purgeAllSubscriptions(String topic) {
        ManagementAccess.TopicView t = access.topic(topic);
        if (t == null) {
            throw UnknownDestinationException.topic(topic);
        }
        long maxId = access.lastMessageId();
        long removed = 0;
        for (ManagedBacklog s : t.subscriptions()) {
            removed += editor.purge(s, maxId);
        }
        LOG.info("topic '{}': purged {} message(s) from {} subscription(s)", topic, removed, t.subscriptions().size());
        return removed;
    }

    @Override
    public void deleteMessage(BacklogRef backlog, String id) {
        ManagedBacklog b = backlogs.resolve(backlog);
        long messageId = MessageActions.parseId(id);
        if (messageId < 0 || !editor.delete(b, messageId)) {
            throw new UnknownMessageException(backlog, id);
        }
    }

    @Override
    public long moveMessages(BacklogRef from, List<String> ids, DestinationName to) {
        return actions.moveMessages(from, ids, to);
    }

    @Override
    public long moveMatching(BacklogRef from, String selector, DestinationName to) {
        return actions.moveMatching(from, selector, to);
    }

    @Override
    public RetryResult retryDeadLetters(String deadLetterQueue, List<String> ids) {
        return actions.retry(deadLetterQueue, ids);
    }

    @Override
    public String sendTestMessage(DestinationName to, TestMessage message) {
        return actions.sendTestMessage(to, message);
    }

    @Override
    public void deleteDurableSubscription(SubscriptionRef subscription) {
        ManagedBacklog s = backlogs.resolve(subscription);
        if (!s.durable()) {
            throw new UnknownDestinationException(subscription.describe() + " is not durable: it ends with its consumers");
        }
        try {
            access.unsubscribe(s.clientId(), s.subscriptionName());
        } catch (jakarta.jms.IllegalStateException e) {
            throw new ManagementConflictException(subscription.describe() + " has active consumers: close them first ("
                    + e.getMessage() + ")");
        } catch (jakarta.jms.InvalidDestinationException e) {
            throw UnknownDestinationException.subscription(subscription);
        } catch (jakarta.jms.JMSException e) {
            throw new dev.petrel.management.ManagementException("deleting " + subscription.describe() + " failed: "
                    + e.getMessage(), e);
        }
        LOG.info("{} deleted", subscription.describe());
    }

    @Override
    public List<ConnectionSummary> connections() {
        List<ConnectionSummary> out = new ArrayList<>();
        for (ManagementAccess.ConnectionView c : access.connections()) {
            List<ConsumerInfo> consumers = new ArrayList<>();
            for (ManagementAccess.ConsumerView v : c.consumers()) {
                consumers.add(new ConsumerInfo(Long.toString(v.id()), Long.toString(v.sessionId()),
                        MessageViews.name(v.destination()), v.subscriptionName(), v.selector(), v.inFlight()));
            }
            consumers.sort(Comparator.comparing(ConsumerInfo::id));
            out.add(new ConnectionSummary(c.id(), c.remoteAddress(), c.clientId(), c.user(), c.connectedAt(),
                    c.sessions(), 0, consumers));
        }
        out.sort(Comparator.comparing(ConnectionSummary::id));
        return out;
    }

    @Override
    public void closeConnection(String connectionId) {
        if (!access.closeConnection(connectionId, CLOSED_BY_ADMINISTRATOR)) {
            throw new UnknownConnectionException(connectionId);
        }
        LOG.info("connection {} closed by an administrator", connectionId);
    }

    @Override
    public RateSeries rates(Duration window) {
        int seconds = (int) Math.max(1, Math.min(MessageRates.SECONDS, window.toSeconds()));
        List<RateSample> samples = new ArrayList<>();
        for (MessageRates.Second s : access.rates().lastSeconds(seconds, access.startedAt().getEpochSecond())) {
            samples.add(new RateSample(Instant.ofEpochSecond(s.epochSecond()), s.in(), s.out()));
        }
        return new RateSeries(Duration.ofSeconds(1), samples);
    }

    /** Keeps the most recent {@value #AUDIT_KEPT} events (see {@link #recentAuditEvents()}) and logs each. */
    @Override
    public void audit(AuditEvent event) {
        synchronized (auditTrail) {
            if (auditTrail.size() == AUDIT_KEPT) {
                auditTrail.removeFirst();
            }
            auditTrail.addLast(event);
        }
        LOG.info("audit: {} by {} from {} on {}: {} (affected {})", event.action(), event.user(), event.remote(),
                event.target(), event.outcome(), event.affected());
    }

    /** The most recent audit events reported, oldest first (at most {@value #AUDIT_KEPT}). */
    public List<AuditEvent> recentAuditEvents() {
        synchronized (auditTrail) {
            return List.copyOf(auditTrail);
        }
    }
}
