package dev.petrel.management;

/**
 * One queue. Dead-letter and expiry queues are ordinary queues, flagged so a console can offer
 * "retry".
 *
 * @param name        the queue's name
 * @param depth       messages waiting (not yet acknowledged), including those in flight
 * @param inFlight    of {@code depth}, delivered and not yet acknowledged
 * @param consumers   consumers attached now
 * @param messagesIn  messages added since the broker started
 * @param messagesOut messages acknowledged (removed by consumers) since the broker started
 * @param paging      true when its backlog no longer fits its memory share and is read from the store
 * @param storedBytes bytes its messages hold in the store (what purging it would give back)
 * @param deadLetter  true when some destination policy names it as dead-letter or expiry queue
 */
public record QueueInfo(
        String name,
        long depth,
        long inFlight,
        int consumers,
        long messagesIn,
        long messagesOut,
        boolean paging,
        long storedBytes,
        boolean deadLetter) {
}
