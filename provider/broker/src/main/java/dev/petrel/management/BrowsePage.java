package dev.petrel.management;

import java.util.List;

/**
 * One page of a browse.
 *
 * @param messages     up to {@code pageSize} messages in the requested order
 * @param nextPosition where the next page starts, or null when this page reached the end
 * @param backlogDepth the backlog's depth when the page was read (all messages, not only matching ones)
 */
public record BrowsePage(List<MessageSummary> messages, String nextPosition, long backlogDepth) {

    public BrowsePage {
        messages = List.copyOf(messages);
    }

    public boolean hasMore() {
        return nextPosition != null;
    }
}
