package dev.petrel.selector;

import dev.petrel.message.MessageData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.message;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.tree;
import static dev.petrel.selector.TestMessages.truth;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorLogicTest {

    /** A message where t is TRUE, f is FALSE and u (absent) is UNKNOWN. */
    private static MessageData tfu() {
        return message().property("t", true).property("f", false).build();
    }

    @ParameterizedTest(name = "{0} AND {1} is {2}")
    @CsvSource({
        "t, t, TRUE", "t, f, FALSE", "t, u, UNKNOWN",
        "f, t, FALSE", "f, f, FALSE", "f, u, FALSE",
        "u, t, UNKNOWN", "u, f, FALSE", "u, u, UNKNOWN"})
    void andFollowsTheThreeValuedTruthTable(String left, String right, String expected) {
        assertEquals(expected, truth(left + " AND " + right, tfu()));
    }

    @ParameterizedTest(name = "{0} OR {1} is {2}")
    @CsvSource({
        "t, t, TRUE", "t, f, TRUE", "t, u, TRUE",
        "f, t, TRUE", "f, f, FALSE", "f, u, UNKNOWN",
        "u, t, TRUE", "u, f, UNKNOWN", "u, u, UNKNOWN"})
    void orFollowsTheThreeValuedTruthTable(String left, String right, String expected) {
        assertEquals(expected, truth(left + " OR " + right, tfu()));
    }

    @ParameterizedTest(name = "NOT {0} selects: {1}")
    @CsvSource({"t, false", "f, true", "u, false"})
    void notFollowsTheThreeValuedTruthTable(String operand, boolean expected) {
        assertEquals(expected, selects("NOT " + operand, tfu()));
    }

    @Test
    void booleanPropertyAloneIsASelector() {
        assertTrue(selects("flag", with("flag", true)));
    }

    @Test
    void falseBooleanPropertyAloneDoesNotSelect() {
        assertFalse(selects("flag", with("flag", false)));
    }

    @Test
    void missingBooleanPropertyIsUnknown() {
        assertEquals("UNKNOWN", truth("flag", empty()));
    }

    @Test
    void nonBooleanPropertyInBooleanPositionIsUnknown() {
        assertEquals("UNKNOWN", truth("flag", with("flag", "true")));
    }

    @Test
    void numericPropertyInBooleanPositionIsUnknown() {
        assertEquals("UNKNOWN", truth("flag AND TRUE", with("flag", 1)));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals("(a OR (b AND c))", tree("a OR b AND c"));
    }

    @Test
    void andBeforeOrEvaluates() {
        assertTrue(selects("t OR f AND f", tfu()));
    }

    @Test
    void notBindsTighterThanAnd() {
        assertEquals("((NOT a) AND b)", tree("NOT a AND b"));
    }

    @Test
    void notBindsLooserThanComparison() {
        assertEquals("(NOT (n = 1))", tree("NOT n = 1"));
    }

    @Test
    void notAppliesToTheWholeComparison() {
        assertTrue(selects("NOT n = 1", with("n", 2)));
    }

    @Test
    void comparisonBindsTighterThanAnd() {
        assertEquals("((a = 1) AND (b = 2))", tree("a = 1 AND b = 2"));
    }

    @Test
    void parenthesesOverrideLogicalPrecedence() {
        assertEquals("((a OR b) AND c)", tree("(a OR b) AND c"));
    }

    @Test
    void parenthesesChangeTheResult() {
        assertFalse(selects("(t OR f) AND f", tfu()));
    }

    @Test
    void chainedOrIsOneFlatNode() {
        assertEquals("(a OR b OR c OR d)", tree("a OR b OR c OR d"));
    }

    @Test
    void doubleNegationRestoresTheValue() {
        assertTrue(selects("NOT NOT t", tfu()));
    }

    @Test
    void andShortCircuitsOnFalseEvenWhenLaterOperandIsUnknown() {
        assertEquals("FALSE", truth("f AND u AND t", tfu()));
    }

    @Test
    void longGeneratedOrChainStaysShallowAndEvaluates() {
        StringBuilder selector = new StringBuilder("id = 0");
        for (int i = 1; i < 5000; i++) {
            selector.append(" OR id = ").append(i);
        }
        assertTrue(selects(selector.toString(), with("id", 4999)));
    }

    @Test
    void negationOfTypeMismatchSelects() {
        assertTrue(selects("NOT (s = 1)", with("s", "1")));
    }
}
