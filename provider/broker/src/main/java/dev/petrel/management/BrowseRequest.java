package dev.petrel.management;

import java.util.Objects;

/**
 * One page of a browse.
 *
 * @param backlog  the queue or subscription to browse
 * @param position where the page starts: null for the first page, else a {@link BrowsePage#nextPosition()}
 *                 of an earlier page of the same backlog and order (an opaque token; a position whose
 *                 message has since gone still works: the page starts at the next message after it)
 * @param pageSize how many messages at most, 1 to {@link #MAX_PAGE_SIZE}
 * @param selector a JMS message selector to filter by, or null/blank for every message
 * @param order    oldest or newest first
 */
public record BrowseRequest(BacklogRef backlog, String position, int pageSize, String selector, BrowseOrder order) {

    /** The largest page a browse may ask for. */
    public static final int MAX_PAGE_SIZE = 500;

    public BrowseRequest {
        Objects.requireNonNull(backlog, "backlog");
        Objects.requireNonNull(order, "order");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1 to " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (selector != null && selector.isBlank()) {
            selector = null;
        }
        if (position != null && position.isBlank()) {
            position = null;
        }
    }

    /** The first page, oldest first, without a selector. */
    public static BrowseRequest firstPage(BacklogRef backlog, int pageSize) {
        return new BrowseRequest(backlog, null, pageSize, null, BrowseOrder.OLDEST_FIRST);
    }
}
