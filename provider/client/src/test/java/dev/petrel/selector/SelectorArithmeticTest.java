package dev.petrel.selector;

import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.message;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.tree;
import static dev.petrel.selector.TestMessages.truth;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorArithmeticTest {

    @Test
    void additionAdds() {
        assertTrue(selects("n + 2 = 7", with("n", 5L)));
    }

    @Test
    void subtractionSubtracts() {
        assertTrue(selects("n - 2 = 3", with("n", 5L)));
    }

    @Test
    void multiplicationMultiplies() {
        assertTrue(selects("n * 3 = 15", with("n", 5L)));
    }

    @Test
    void divisionOfIntegersTruncatesAsInJava() {
        assertTrue(selects("n / 2 = 2", with("n", 5L)));
    }

    @Test
    void divisionWithAnApproximateOperandIsExact() {
        assertTrue(selects("n / 2.0 = 2.5", with("n", 5L)));
    }

    @Test
    void integerPropertyTakesPartInArithmetic() {
        assertTrue(selects("n * 2 = 10", with("n", 5)));
    }

    @Test
    void floatPropertyMakesArithmeticApproximate() {
        assertTrue(selects("n / 2 = 1.25", with("n", 2.5f)));
    }

    @Test
    void shortAndBytePropertiesAdd() {
        assertTrue(selects("a + b = 300", message().property("a", (short) 200).property("b", (byte) 100).build()));
    }

    @Test
    void integerArithmeticUsesLongSoIntPropertiesDoNotOverflow() {
        assertTrue(selects("n * 2 = 4294967294", with("n", Integer.MAX_VALUE)));
    }

    @Test
    void unaryMinusNegatesProperty() {
        assertTrue(selects("-n = -5", with("n", 5)));
    }

    @Test
    void unaryPlusKeepsProperty() {
        assertTrue(selects("+n = 5", with("n", 5)));
    }

    @Test
    void unaryMinusNegatesDoubleProperty() {
        assertTrue(selects("-n < 0", with("n", 0.5)));
    }

    @Test
    void integerDivisionByZeroIsUnknown() {
        assertEquals("UNKNOWN", truth("n / 0 = 1", with("n", 5L)));
    }

    @Test
    void floatingDivisionByZeroIsUnknown() {
        assertEquals("UNKNOWN", truth("n / 0.0 > 1", with("n", 5.0)));
    }

    @Test
    void divisionByZeroPropertyIsUnknown() {
        assertEquals("UNKNOWN", truth("10 / d = 1", with("d", 0)));
    }

    @Test
    void arithmeticWithMissingPropertyIsUnknown() {
        assertEquals("UNKNOWN", truth("n + 1 = 1", empty()));
    }

    @Test
    void arithmeticOnStringPropertyIsUnknown() {
        assertEquals("UNKNOWN", truth("s + 1 = 3", with("s", "2")));
    }

    @Test
    void arithmeticOnBooleanPropertyIsUnknown() {
        assertEquals("UNKNOWN", truth("-b = 1", with("b", true)));
    }

    @Test
    void multiplicationBindsTighterThanAddition() {
        assertEquals("((1 + (2 * n)) = 7)", tree("1 + 2 * n = 7"));
    }

    @Test
    void multiplicationBeforeAdditionEvaluates() {
        assertTrue(selects("1 + 2 * n = 7", with("n", 3)));
    }

    @Test
    void subtractionIsLeftAssociative() {
        assertTrue(selects("10 - n - 2 = 5", with("n", 3)));
    }

    @Test
    void divisionIsLeftAssociative() {
        assertTrue(selects("100 / n / 5 = 2", with("n", 10)));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertTrue(selects("(1 + 2) * n = 9", with("n", 3)));
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        assertEquals("(((-n) * 2) = -4)", tree("-n * 2 = -4"));
    }

    @Test
    void binaryMinusFollowedByNegativeLiteralParses() {
        assertTrue(selects("n - -2 = 5", with("n", 3)));
    }

    @Test
    void arithmeticMayAppearOnBothSides() {
        assertTrue(selects("a * 2 = b + 1", message().property("a", 2).property("b", 3).build()));
    }
}
