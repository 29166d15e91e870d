package dev.petrel.selector;

import jakarta.jms.InvalidSelectorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorErrorTest {

    private static String error(String selector) {
        return assertThrows(InvalidSelectorException.class, () -> Selector.parse(selector)).getMessage();
    }

    private static void assertErrorAt(String selector, int column, String expectedFragment) {
        String message = error(selector);
        assertTrue(message.startsWith("selector '" + selector + "' at column " + column + ": "),
                () -> "wrong column or format: " + message);
        assertTrue(message.contains(expectedFragment), () -> "missing '" + expectedFragment + "' in: " + message);
    }

    @Test
    void missingOperandNamesColumnAndWhatWasExpected() {
        assertEquals("selector 'a = AND b' at column 5: expected a value but found 'AND'", error("a = AND b"));
    }

    @Test
    void missingOperandAtEndReportsEndOfSelector() {
        assertErrorAt("a =", 4, "expected a value but found end of selector");
    }

    @Test
    void unterminatedStringPointsAtItsOpeningQuote() {
        assertErrorAt("s = 'abc", 5, "closing quote");
    }

    @Test
    void stringEndingInEscapedQuoteIsUnterminated() {
        assertErrorAt("s = 'abc''", 5, "closing quote");
    }

    @Test
    void unknownCharacterIsReported() {
        assertErrorAt("a # 1", 3, "found unexpected character '#'");
    }

    @Test
    void bangEqualsSuggestsTheSqlOperator() {
        assertErrorAt("a != 1", 3, "not-equal is written <>");
    }

    @Test
    void doubleQuotedStringSuggestsSingleQuotes() {
        assertErrorAt("a = \"x\"", 5, "single quotes");
    }

    @Test
    void trailingGarbageIsReported() {
        assertErrorAt("a = 1 b", 7, "found identifier 'b'");
    }

    @Test
    void trailingCloseParenthesisIsReported() {
        assertErrorAt("a = 1)", 6, "found ')'");
    }

    @Test
    void emptyParenthesesAreRejected() {
        assertErrorAt("()", 2, "expected an expression inside the parentheses but found ')'");
    }

    @Test
    void unclosedParenthesisNamesTheOpeningColumn() {
        assertErrorAt("(a = 1", 7, "expected ')' to close the '(' at column 1 but found end of selector");
    }

    @Test
    void chainedComparisonIsRejected() {
        assertErrorAt("a = b = c", 7, "found '='");
    }

    @Test
    void comparisonWithNullLiteralSuggestsIsNull() {
        assertErrorAt("a = NULL", 5, "IS NULL");
    }

    @Test
    void doubleEqualsIsRejected() {
        assertErrorAt("a == 1", 4, "expected a value but found '='");
    }

    @Test
    void keywordCannotBeAnIdentifier() {
        assertErrorAt("between = 1", 1, "expected a value but found 'between'");
    }

    @ParameterizedTest(name = "keyword {0} is not an identifier")
    @CsvSource({"NULL", "TRUE", "FALSE", "NOT", "AND", "OR", "BETWEEN", "LIKE", "IN", "IS", "ESCAPE"})
    void reservedWordIsNotAPropertyName(String keyword) {
        assertThrows(InvalidSelectorException.class, () -> Selector.parse(keyword + " IS NULL"));
    }

    @Test
    void stringPlusNumberIsATypeError() {
        assertErrorAt("'abc' + 3 = 4", 1, "expected a number before '+' but found string 'abc'");
    }

    @Test
    void numberPlusStringIsATypeError() {
        assertErrorAt("3 + 'abc' = 4", 5, "expected a number after '+' but found string 'abc'");
    }

    @Test
    void orderingBooleanLiteralIsATypeError() {
        assertErrorAt("TRUE > 5", 1, "expected a number before '>'");
    }

    @Test
    void orderingStringLiteralIsATypeError() {
        assertErrorAt("s < 'abc'", 5, "strings and booleans support only = and <>");
    }

    @Test
    void orderingStringHeaderIsATypeError() {
        assertErrorAt("JMSType >= 'a'", 1, "header 'JMSType' (a string)");
    }

    @Test
    void likeOnNumericHeaderIsATypeError() {
        assertErrorAt("JMSPriority LIKE 'x'", 1,
                "expected a string identifier before LIKE but found header 'JMSPriority' (a number)");
    }

    @Test
    void likeOnLiteralIsRejected() {
        assertErrorAt("'abc' LIKE 'a%'", 1, "expected a string identifier before LIKE");
    }

    @Test
    void likePatternMustBeAStringLiteral() {
        assertErrorAt("s LIKE p", 8, "expected a string literal pattern after LIKE but found identifier 'p'");
    }

    @Test
    void escapeMustBeOneCharacter() {
        assertErrorAt("s LIKE 'a%' ESCAPE 'ab'", 20, "one-character string literal");
    }

    @Test
    void emptyEscapeIsRejected() {
        assertErrorAt("s LIKE 'a%' ESCAPE ''", 20, "one-character string literal");
    }

    @Test
    void patternEndingWithEscapeCharacterIsRejected() {
        assertErrorAt("s LIKE 'a!' ESCAPE '!'", 8, "end of the pattern");
    }

    @Test
    void numberInInListIsRejected() {
        assertErrorAt("s IN ('a', 1)", 12, "expected a string literal in the IN list but found number 1");
    }

    @Test
    void emptyInListIsRejected() {
        assertErrorAt("s IN ()", 7, "expected a string literal in the IN list but found ')'");
    }

    @Test
    void inListWithoutParenthesesIsRejected() {
        assertErrorAt("s IN 'a'", 6, "expected '(' after IN");
    }

    @Test
    void inListMissingCommaIsRejected() {
        assertErrorAt("s IN ('a' 'b')", 11, "expected ',' or ')' in the IN list");
    }

    @Test
    void inOnNumericHeaderIsATypeError() {
        assertErrorAt("JMSPriority IN ('1')", 1, "expected a string identifier before IN");
    }

    @Test
    void betweenOnStringLiteralBoundIsATypeError() {
        assertErrorAt("n BETWEEN 'a' AND 'z'", 11, "expected a number as the lower bound of BETWEEN");
    }

    @Test
    void betweenWithoutAndIsRejected() {
        assertErrorAt("n BETWEEN 1 OR 2", 13, "expected AND between the bounds of BETWEEN but found 'OR'");
    }

    @Test
    void notFollowedByComparisonOperatorIsRejected() {
        assertErrorAt("a NOT = 1", 7, "expected BETWEEN, IN or LIKE after NOT");
    }

    @Test
    void isFollowedByValueIsRejected() {
        assertErrorAt("a IS 5", 6, "expected NULL or NOT NULL after IS but found number 5");
    }

    @Test
    void isNullOnLiteralIsRejected() {
        assertErrorAt("5 IS NULL", 1, "expected an identifier before IS");
    }

    @Test
    void arithmeticSelectorIsNotACondition() {
        assertErrorAt("a + 1", 1, "expected a condition as the selector but found arithmetic expression 'a + 1'");
    }

    @Test
    void numberSelectorIsNotACondition() {
        assertErrorAt("5", 1, "expected a condition as the selector but found number 5");
    }

    @Test
    void stringSelectorIsNotACondition() {
        assertErrorAt("'x'", 1, "expected a condition as the selector but found string 'x'");
    }

    @Test
    void notOfNumberIsATypeError() {
        assertErrorAt("NOT 5", 5, "expected a condition after NOT but found number 5");
    }

    @Test
    void andWithArithmeticOperandIsATypeError() {
        assertErrorAt("a = 1 AND b + 1", 11, "expected a condition after AND but found arithmetic expression 'b + 1'");
    }

    @Test
    void orWithStringOperandIsATypeError() {
        assertErrorAt("'x' OR a", 1, "expected a condition before OR but found string 'x'");
    }

    @Test
    void unaryMinusOnStringIsATypeError() {
        assertErrorAt("-'x' = 1", 2, "expected a number after unary '-'");
    }

    @Test
    void arithmeticOnConditionIsATypeError() {
        assertErrorAt("(a = 1) + 1 = 2", 2, "expected a number before '+' but found condition 'a = 1'");
    }

    @Test
    void longLiteralOutOfRangeIsRejected() {
        assertErrorAt("n = 9223372036854775808", 5, "within the range of a long");
    }

    @Test
    void octalLiteralWithDigitEightIsRejected() {
        assertErrorAt("n = 08", 5, "a leading 0 makes it octal");
    }

    @Test
    void doubleLiteralOutOfRangeIsRejected() {
        assertErrorAt("n = 1e400", 5, "within the range of a double");
    }

    @Test
    void exponentWithoutDigitsIsRejected() {
        assertErrorAt("n = 1e+ AND x", 5, "expected digits in the exponent");
    }

    @Test
    void hexPrefixWithoutDigitsIsRejected() {
        assertErrorAt("n = 0x", 5, "expected hexadecimal digits after '0x'");
    }

    @Test
    void controlCharacterIsDescribedByCodePoint() {
        assertErrorAt("a = 1 \u0001", 7, "U+0001");
    }

    @Test
    void deepNestingIsRejectedInsteadOfOverflowingTheStack() {
        String selector = "(".repeat(10_000) + "a" + ")".repeat(10_000);
        assertTrue(error(selector).contains("levels of nesting"));
    }

    @Test
    void longNotChainIsRejectedInsteadOfOverflowingTheStack() {
        assertTrue(error("NOT ".repeat(10_000) + "a").contains("levels of nesting"));
    }

    @Test
    void longArithmeticChainIsRejectedInsteadOfOverflowingTheStack() {
        assertTrue(error("a" + " + a".repeat(1000) + " = 1").contains("levels of nested operators"));
    }

    @Test
    void veryLongSelectorIsCutShortInTheMessageButKeepsTheColumn() {
        String message = error("a = 1 AND " + "b = 2 AND ".repeat(50) + "#");
        assertTrue(message.contains("...' at column 511: found unexpected character '#'"), message);
    }

    @Test
    void errorsAreInvalidSelectorExceptionsEvenForLexicalProblems() {
        assertThrows(InvalidSelectorException.class, () -> Selector.parse("a = 'x"));
    }
}
