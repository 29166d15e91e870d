package dev.petrel.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ManagementValuesTest {

    @Test
    void browseRequestRejectsAPageLargerThanTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BrowseRequest(new QueueRef("q"), null, BrowseRequest.MAX_PAGE_SIZE + 1, null, BrowseOrder.OLDEST_FIRST));
        assertEquals("pageSize must be 1 to 500, was 501", e.getMessage());
    }

    @Test
    void browseRequestTreatsABlankSelectorAsNone() {
        assertNull(new BrowseRequest(new QueueRef("q"), "", 10, "  ", BrowseOrder.NEWEST_FIRST).selector());
    }

    @Test
    void badSelectorMessageQuotesTheSelectorAndTheProblem() {
        BadSelectorException e = new BadSelectorException("a ==", "at column 3: unexpected '='", null);
        assertEquals("invalid selector \"a ==\": at column 3: unexpected '='", e.getMessage());
    }

    @Test
    void unknownSubscriptionMessageNamesTopicAndSubscription() {
        assertEquals("no subscription 'app:s' on topic 't'",
                UnknownDestinationException.subscription(new SubscriptionRef("t", "app:s")).getMessage());
    }

    @Test
    void topicTotalBacklogAddsItsSubscriptions() {
        SubscriptionInfo a = new SubscriptionInfo("a", "t", "a", null, true, false, null, false, 0, 2, null, false);
        SubscriptionInfo b = new SubscriptionInfo("b", "t", "b", null, true, false, null, false, 0, 3, null, false);
        assertEquals(5, new TopicInfo("t", 5, List.of(a, b)).totalBacklog());
    }

    @Test
    void testMessagePriorityMustBeAJmsPriority() {
        assertThrows(IllegalArgumentException.class, () -> new TestMessage("x", null, null, 10, true, null, null));
    }

    @Test
    void unknownObjectsAreOneKindOfError() {
        assertTrue(new UnknownConnectionException("c") instanceof UnknownObjectException);
        assertTrue(new UnknownMessageException(new QueueRef("q"), "1") instanceof UnknownObjectException);
    }
}
