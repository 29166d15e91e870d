package dev.petrel.management;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The broker's management API: what an operator can see and do. The admin console and its REST
 * API use nothing else.
 *
 * <p><b>Threading.</b> Every method is thread-safe and may be called from any thread, concurrently
 * with producers, consumers and other management calls. A method never runs on, or blocks, a
 * destination's own thread for longer than one short command; long operations (purge, move,
 * retry) work in batches so other destinations' producers and consumers are not stalled, and
 * the destination keeps serving between batches.
 *
 * <p><b>Consistency.</b> Results are snapshots: a count or a page reflects the backlog at some
 * moment during the call. Messages arriving during a purge or move may or may not be included;
 * the returned count is exactly the number of messages the call removed or moved.
 *
 * <p><b>Cost.</b> Listing methods are O(number of destinations, subscriptions or connections) and
 * read counters, never messages. Browsing is O(page size) plus, with a selector, the messages the
 * store's index skips over to fill the page; it never loads a whole backlog. Per-message edits are
 * O(1) lookups by id. Purge, move and retry are O(messages affected), in batches.
 *
 * <p><b>Errors.</b> Methods throw the unchecked exceptions of this package:
 * {@link UnknownObjectException} (404) when a named queue, topic, subscription, message or
 * connection does not exist, {@link BadSelectorException} (400) for a selector that does not parse,
 * {@link ManagementConflictException} (409) when the request conflicts with the broker's state,
 * {@link IllegalArgumentException} for arguments outside documented limits. Management calls do
 * no authorization: the caller (the console) checks who may do what, and reports what it did
 * through {@link #audit(AuditEvent)}.
 */
public interface BrokerAdmin {

    /** The broker at a glance. Cheap: reads counters. */
    BrokerOverview overview();

    /** Every queue (including dead-letter and expiry queues and temporary queues), ordered by name. Cheap. */
    List<QueueInfo> queues();

    /** One queue, or empty when none has that name. Cheap. */
    Optional<QueueInfo> queue(String name);

    /** Every topic with its subscriptions, ordered by name. Cheap (O(subscriptions)). */
    List<TopicInfo> topics();

    /** One topic with its subscriptions, or empty when none has that name. Cheap. */
    Optional<TopicInfo> topic(String name);

    /**
     * One page of a queue's or subscription's backlog, in delivery order or its reverse, optionally
     * filtered by a selector. Browsing does not deliver, acknowledge or lock messages; messages
     * in flight to consumers are included and flagged. Cost: O(page size) reads from the store's
     * index, plus the non-matching messages skipped when a selector is given.
     *
     * @throws UnknownDestinationException when the backlog does not exist
     * @throws BadSelectorException        when the selector does not parse
     * @throws IllegalArgumentException    when the position is not one this backlog handed out
     */
    BrowsePage browse(BrowseRequest request);

    /**
     * Everything about one waiting message: every header, every property, the body by type
     * (object bodies as class name and serialized bytes, never deserialized). Cost: one lookup by
     * id plus the body's size.
     *
     * @throws UnknownDestinationException when the backlog does not exist
     * @throws UnknownMessageException     when the message is no longer there
     */
    MessageDetail message(BacklogRef backlog, String id);

    /**
     * Removes every message waiting in a queue or subscription, including those in flight (their
     * acknowledgements are then ignored). Messages arriving during the purge stay.
     *
     * @return how many messages were removed
     * @throws UnknownDestinationException when the backlog does not exist
     */
    long purge(BacklogRef backlog);

    /**
     * Purges every subscription of a topic, durable and non-durable.
     *
     * @return how many messages were removed, over all subscriptions
     * @throws UnknownDestinationException when the topic does not exist
     */
    long purgeAllSubscriptions(String topic);

    /**
     * Removes one message.
     *
     * @throws UnknownDestinationException when the backlog does not exist
     * @throws UnknownMessageException     when the message is no longer there
     */
    void deleteMessage(BacklogRef backlog, String id);

    /**
     * Moves the given messages to another destination, as new messages with the same headers,
     * properties and body (delivery count reset). Ids no longer present are ignored.
     *
     * @return how many messages were moved
     * @throws UnknownDestinationException when the backlog or the target does not exist
     * @throws ManagementConflictException when the target is the queue the messages are in
     */
    long moveMessages(BacklogRef from, List<String> ids, DestinationName to);

    /**
     * Moves every message matching a selector (every message when it is null) to another destination.
     *
     * @return how many messages were moved
     * @throws UnknownDestinationException when the backlog or the target does not exist
     * @throws BadSelectorException        when the selector does not parse
     * @throws ManagementConflictException when the target is the queue the messages are in
     */
    long moveMatching(BacklogRef from, String selector, DestinationName to);

    /**
     * Sends dead-lettered messages back to the destination recorded in their
     * {@value MessageDetail#ORIGINAL_DESTINATION_PROPERTY} property, with that property removed and
     * the delivery count reset. Works on any queue (the DLQ, the expiry queue).
     *
     * @param deadLetterQueue the queue holding them
     * @param ids             the messages to retry, or null for every message in the queue
     * @return how many were retried and which stayed because they had no known original destination
     * @throws UnknownDestinationException when the queue does not exist
     */
    RetryResult retryDeadLetters(String deadLetterQueue, List<String> ids);

    /**
     * Sends a text message to a queue or topic, as a producer would, and returns its
     * {@code JMSMessageID}. Creates the destination if the broker auto-creates destinations.
     *
     * @throws UnknownDestinationException when the destination does not exist and is not auto-created
     * @throws IllegalArgumentException    when a property name is not a valid JMS identifier
     */
    String sendTestMessage(DestinationName to, TestMessage message);

    /**
     * Deletes a durable subscription and its backlog.
     *
     * @throws UnknownDestinationException when no durable subscription has that id
     * @throws ManagementConflictException when it has active consumers (JMS forbids unsubscribing then)
     */
    void deleteDurableSubscription(SubscriptionRef subscription);

    /** Every open client connection with its consumers, ordered by id. O(connections + consumers). */
    List<ConnectionSummary> connections();

    /**
     * Closes a client connection as if the broker were closing: its consumers' in-flight messages
     * go back to their backlogs and the client's connection fails with an exception saying an
     * administrator closed it.
     *
     * @throws UnknownConnectionException when no open connection has that id
     */
    void closeConnection(String connectionId);

    /**
     * Message rates over recent time, oldest first, for a chart. The broker keeps a bounded ring of
     * samples; cheap (copies at most {@code window / interval} samples).
     *
     * @param window how far back, at most what the broker keeps (it returns what it has)
     */
    RateSeries rates(Duration window);

    /**
     * Told of every management action after it was performed (or failed), with who performed it.
     * The broker may keep or forward these records; the default ignores them. Must not throw and
     * must return quickly: it is called on the caller's request thread.
     */
    default void audit(AuditEvent event) {
    }
}
