package dev.petrel.selector;

import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorLiteralTest {

    @Test
    void stringLiteralMatchesEqualString() {
        assertTrue(selects("s = 'abc'", with("s", "abc")));
    }

    @Test
    void doubledQuoteInStringLiteralStandsForOneQuote() {
        assertTrue(selects("s = 'it''s'", with("s", "it's")));
    }

    @Test
    void stringLiteralOfOnlyAnEscapedQuoteIsOneQuote() {
        assertTrue(selects("s = ''''", with("s", "'")));
    }

    @Test
    void emptyStringLiteralMatchesEmptyString() {
        assertTrue(selects("s = ''", with("s", "")));
    }

    @Test
    void stringLiteralKeepsKeywordsAndOperatorsAsText() {
        assertTrue(selects("s = 'a AND b = (c)'", with("s", "a AND b = (c)")));
    }

    @Test
    void stringLiteralKeepsUnicodeCharacters() {
        assertTrue(selects("s = 'Zürich \uD83D\uDE00'", with("s", "Zürich \uD83D\uDE00")));
    }

    @Test
    void stringComparisonIsCaseSensitive() {
        assertFalse(selects("s = 'ABC'", with("s", "abc")));
    }

    @Test
    void exactNumericLiteralCompares() {
        assertTrue(selects("n = 57", with("n", 57L)));
    }

    @Test
    void negativeExactNumericLiteralCompares() {
        assertTrue(selects("n = -957", with("n", -957L)));
    }

    @Test
    void explicitlyPositiveExactNumericLiteralCompares() {
        assertTrue(selects("n = +62", with("n", 62L)));
    }

    @Test
    void longSuffixIsAccepted() {
        assertTrue(selects("n = 57L", with("n", 57L)));
    }

    @Test
    void smallestLongLiteralParses() {
        assertTrue(selects("n = -9223372036854775808", with("n", Long.MIN_VALUE)));
    }

    @Test
    void largestLongLiteralParses() {
        assertTrue(selects("n = 9223372036854775807", with("n", Long.MAX_VALUE)));
    }

    @Test
    void hexadecimalLiteralFollowsJavaSyntax() {
        assertTrue(selects("n = 0x1F", with("n", 31L)));
    }

    @Test
    void leadingZeroMakesAnOctalLiteralAsInJava() {
        assertTrue(selects("n = 010", with("n", 8L)));
    }

    @Test
    void zeroLiteralIsZero() {
        assertTrue(selects("n = 0", with("n", 0L)));
    }

    @Test
    void scientificLiteralIsApproximate() {
        assertTrue(selects("n = 7E3", with("n", 7000.0)));
    }

    @Test
    void negativeScientificLiteralWithFractionParses() {
        assertTrue(selects("n = -57.9E2", with("n", -5790.0)));
    }

    @Test
    void negativeExponentParses() {
        assertTrue(selects("n = 25e-2", with("n", 0.25)));
    }

    @Test
    void trailingPointMakesAnApproximateLiteral() {
        assertTrue(selects("n = 7.", with("n", 7.0)));
    }

    @Test
    void leadingPointMakesAnApproximateLiteral() {
        assertTrue(selects("n = .5", with("n", 0.5)));
    }

    @Test
    void floatSuffixIsAccepted() {
        assertTrue(selects("n = 1.5f", with("n", 1.5)));
    }

    @Test
    void floatSuffixRoundsToFloatPrecisionAsInJava() {
        assertTrue(selects("n = 1.1f", with("n", 1.1f)));
    }

    @Test
    void unsuffixedDecimalIsADoubleSoItDiffersFromTheFloatProperty() {
        assertFalse(selects("n = 1.1", with("n", 1.1f)));
    }

    @Test
    void doubleSuffixIsAccepted() {
        assertTrue(selects("n = 2d", with("n", 2.0)));
    }

    @Test
    void trueLiteralAloneSelectsEveryMessage() {
        assertTrue(selects("TRUE", empty()));
    }

    @Test
    void falseLiteralAloneSelectsNothing() {
        assertFalse(selects("FALSE", empty()));
    }

    @Test
    void booleanLiteralsAreCaseInsensitive() {
        assertTrue(selects("flag = tRuE", with("flag", true)));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        assertTrue(selects("a is not null and b between 1 and 3 or c like 'x'",
                TestMessages.message().property("a", 1).property("b", 2).build()));
    }

    @Test
    void whitespaceMayBeTabsAndLineBreaks() {
        assertTrue(selects("\tn\r\n=\f1\n", with("n", 1L)));
    }

    @Test
    void operatorsNeedNoSurroundingWhitespace() {
        assertTrue(selects("(n+1)*2>=4AND s<>'x'", TestMessages.message().property("n", 1L).property("s", "y").build()));
    }

    @Test
    void unaryMinusOnParenthesizedLiteralFolds() {
        assertEquals("(n = -5)", TestMessages.tree("n = -(5)"));
    }

    @Test
    void doubleNegationOfLiteralIsPositive() {
        assertEquals("(n = 5)", TestMessages.tree("n = - -5"));
    }
}
