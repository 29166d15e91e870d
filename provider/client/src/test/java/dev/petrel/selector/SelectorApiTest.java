package dev.petrel.selector;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorApiTest {

    @Test
    void nullSelectorSelectsEveryMessage() throws Exception {
        assertTrue(Selector.parse(null).matches(empty()));
    }

    @Test
    void emptySelectorSelectsEveryMessage() throws Exception {
        assertTrue(Selector.parse("").matches(empty()));
    }

    @Test
    void blankSelectorSelectsEveryMessage() throws Exception {
        assertTrue(Selector.parse(" \t\n ").matches(empty()));
    }

    @Test
    void blankSelectorHasNullExpressionLikeGetMessageSelector() throws Exception {
        assertNull(Selector.parse("  ").expression());
    }

    @Test
    void blankSelectorReportsSelectsAll() throws Exception {
        assertTrue(Selector.parse(null).selectsAll());
    }

    @Test
    void parsedSelectorKeepsItsExpressionVerbatim() throws Exception {
        assertEquals(" a = 1 ", Selector.parse(" a = 1 ").expression());
    }

    @Test
    void parsedSelectorDoesNotReportSelectsAll() throws Exception {
        assertFalse(Selector.parse("TRUE").selectsAll());
    }

    @Test
    void toStringShowsTheExpression() throws Exception {
        assertEquals("Selector[a = 1]", Selector.parse("a = 1").toString());
    }

    @Test
    void toStringOfSelectAllSaysSo() throws Exception {
        assertEquals("Selector[all messages]", Selector.parse(null).toString());
    }

    @Test
    void selectorsWithTheSameTextAreEqual() throws Exception {
        assertEquals(Selector.parse("a = 1"), Selector.parse("a = 1"));
    }

    @Test
    void selectorsWithDifferentTextAreNotEqual() throws Exception {
        assertNotEquals(Selector.parse("a = 1"), Selector.parse("a=1"));
    }

    @Test
    void matchesRejectsNullMessage() throws Exception {
        Selector selector = Selector.parse("a = 1");
        assertThrows(NullPointerException.class, () -> selector.matches(null));
    }

    @Test
    void invalidSelectorThrowsInvalidSelectorException() {
        assertThrows(InvalidSelectorException.class, () -> Selector.parse("a ="));
    }

    @Test
    void oneSelectorEvaluatesManyMessages() throws Exception {
        Selector selector = Selector.parse("n > 1");
        assertTrue(selector.matches(TestMessages.with("n", 2)));
        assertFalse(selector.matches(TestMessages.with("n", 0)));
    }
}
