package dev.petrel.selector;

import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.message;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.truth;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorComparisonTest {

    @Test
    void equalsSelectsEqualNumber() {
        assertTrue(selects("n = 5", with("n", 5L)));
    }

    @Test
    void equalsRejectsDifferentNumber() {
        assertFalse(selects("n = 5", with("n", 6L)));
    }

    @Test
    void notEqualSelectsDifferentNumber() {
        assertTrue(selects("n <> 5", with("n", 6L)));
    }

    @Test
    void notEqualRejectsEqualNumber() {
        assertFalse(selects("n <> 5", with("n", 5L)));
    }

    @Test
    void lessThanIsStrict() {
        assertFalse(selects("n < 5", with("n", 5L)));
    }

    @Test
    void lessThanSelectsSmaller() {
        assertTrue(selects("n < 5", with("n", 4L)));
    }

    @Test
    void lessOrEqualSelectsEqual() {
        assertTrue(selects("n <= 5", with("n", 5L)));
    }

    @Test
    void greaterThanIsStrict() {
        assertFalse(selects("n > 5", with("n", 5L)));
    }

    @Test
    void greaterThanSelectsLarger() {
        assertTrue(selects("n > 5", with("n", 6L)));
    }

    @Test
    void greaterOrEqualSelectsEqual() {
        assertTrue(selects("n >= 5", with("n", 5L)));
    }

    @Test
    void literalMayStandOnTheLeft() {
        assertTrue(selects("5 < n", with("n", 6L)));
    }

    @Test
    void twoPropertiesCompare() {
        assertTrue(selects("a < b", message().property("a", 1L).property("b", 2L).build()));
    }

    @Test
    void integerPropertyIsPromotedToCompareWithLongLiteral() {
        assertTrue(selects("n = 5", with("n", 5)));
    }

    @Test
    void shortPropertyIsPromoted() {
        assertTrue(selects("n > 4", with("n", (short) 5)));
    }

    @Test
    void bytePropertyIsPromoted() {
        assertTrue(selects("n = -3", with("n", (byte) -3)));
    }

    @Test
    void floatPropertyIsPromotedToCompareWithDoubleLiteral() {
        assertTrue(selects("n = 2.5", with("n", 2.5f)));
    }

    @Test
    void floatPropertyComparesWithExactLiteral() {
        assertTrue(selects("n = 3", with("n", 3.0f)));
    }

    @Test
    void exactAndApproximateValuesCompareNumerically() {
        assertTrue(selects("n = 7.0", with("n", 7L)));
    }

    @Test
    void longLargerThanDoublePrecisionStillOrdersAgainstSmallerLong() {
        assertTrue(selects("n > 9007199254740992", with("n", 9007199254740993L)));
    }

    @Test
    void nanPropertyIsNotEqualToItself() {
        assertFalse(selects("n = n", with("n", Double.NaN)));
    }

    @Test
    void stringPropertyComparedWithNumberIsNotSelected() {
        assertFalse(selects("NumberOfOrders > 1", with("NumberOfOrders", "2")));
    }

    @Test
    void stringPropertyEqualToNumberIsFalseNotUnknown() {
        assertEquals("FALSE", truth("s = 2", with("s", "2")));
    }

    @Test
    void stringPropertyNotEqualToNumberIsAlsoFalse() {
        assertEquals("FALSE", truth("s <> 2", with("s", "2")));
    }

    @Test
    void booleanPropertyComparedWithNumberIsFalse() {
        assertEquals("FALSE", truth("b = 1", with("b", true)));
    }

    @Test
    void stringLiteralComparedWithNumberLiteralParsesAndIsFalse() {
        assertEquals("FALSE", truth("'1' = 1", empty()));
    }

    @Test
    void booleanPropertyEqualsBooleanLiteral() {
        assertTrue(selects("b = FALSE", with("b", false)));
    }

    @Test
    void booleanPropertyNotEqualToBooleanLiteral() {
        assertTrue(selects("b <> FALSE", with("b", true)));
    }

    @Test
    void stringsNotEqual() {
        assertTrue(selects("s <> 'x'", with("s", "y")));
    }

    @Test
    void orderingTwoStringPropertiesFoundAtRunTimeIsFalse() {
        assertEquals("FALSE", truth("a < b", message().property("a", "x").property("b", "y").build()));
    }

    @Test
    void comparisonWithMissingPropertyIsUnknown() {
        assertEquals("UNKNOWN", truth("n = 5", empty()));
    }

    @Test
    void notEqualWithMissingPropertyIsUnknown() {
        assertEquals("UNKNOWN", truth("n <> 5", empty()));
    }

    @Test
    void comparisonWithMissingPropertyOnTheRightIsUnknown() {
        assertEquals("UNKNOWN", truth("5 = n", empty()));
    }

    @Test
    void propertyHoldingNullIsNull() {
        assertEquals("UNKNOWN", truth("n = 5", with("n", null)));
    }

    @Test
    void propertyNamesAreCaseSensitive() {
        assertEquals("UNKNOWN", truth("N = 5", with("n", 5L)));
    }

    @Test
    void identifierMayUseDollarAndUnderscore() {
        assertTrue(selects("$a_1 = 1", with("$a_1", 1)));
    }

    @Test
    void identifierMayUseNonAsciiLetters() {
        assertTrue(selects("größe = 1", with("größe", 1)));
    }

    @Test
    void identifierThatStartsWithAKeywordIsAnIdentifier() {
        assertTrue(selects("ORDER = 1 AND Notes = 2 AND island = 3",
                message().property("ORDER", 1).property("Notes", 2).property("island", 3).build()));
    }

    @Test
    void parenthesizedConditionComparesWithBooleanLiteral() {
        assertTrue(selects("(n > 1) = TRUE", with("n", 2)));
    }
}
