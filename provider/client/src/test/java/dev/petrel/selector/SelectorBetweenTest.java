package dev.petrel.selector;

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

class SelectorBetweenTest {

    @Test
    void betweenIncludesTheLowerBound() {
        assertTrue(selects("age BETWEEN 15 AND 19", with("age", 15)));
    }

    @Test
    void betweenIncludesTheUpperBound() {
        assertTrue(selects("age BETWEEN 15 AND 19", with("age", 19)));
    }

    @Test
    void betweenExcludesValuesAbove() {
        assertFalse(selects("age BETWEEN 15 AND 19", with("age", 20)));
    }

    @Test
    void betweenExcludesValuesBelow() {
        assertFalse(selects("age BETWEEN 15 AND 19", with("age", 14)));
    }

    @Test
    void notBetweenSelectsValuesOutside() {
        assertTrue(selects("age NOT BETWEEN 15 AND 19", with("age", 20)));
    }

    @Test
    void notBetweenRejectsValuesInside() {
        assertFalse(selects("age NOT BETWEEN 15 AND 19", with("age", 17)));
    }

    @Test
    void betweenMixesLongValueWithDoubleBounds() {
        assertTrue(selects("n BETWEEN 1.5 AND 2.5", with("n", 2L)));
    }

    @Test
    void betweenMixesDoubleValueWithLongBounds() {
        assertTrue(selects("n BETWEEN 1 AND 3", with("n", 2.9)));
    }

    @Test
    void betweenMixesFloatValueWithLongAndDoubleBounds() {
        assertFalse(selects("n BETWEEN 1 AND 2.25", with("n", 2.5f)));
    }

    @Test
    void betweenAcceptsArithmeticBounds() {
        assertTrue(selects("n BETWEEN lo + 1 AND lo * 3", message().property("n", 6).property("lo", 2).build()));
    }

    @Test
    void betweenWithNullValueIsUnknown() {
        assertEquals("UNKNOWN", truth("n BETWEEN 1 AND 3", empty()));
    }

    @Test
    void notBetweenWithNullValueIsUnknown() {
        assertEquals("UNKNOWN", truth("n NOT BETWEEN 1 AND 3", empty()));
    }

    @Test
    void betweenWithNullBoundIsUnknownEvenWhenTheOtherBoundDecides() {
        assertEquals("UNKNOWN", truth("n BETWEEN lo AND 3", with("n", 10)));
    }

    @Test
    void betweenOnStringPropertyIsFalse() {
        assertEquals("FALSE", truth("n BETWEEN 1 AND 3", with("n", "2")));
    }

    @Test
    void notBetweenOnStringPropertyIsAlsoFalse() {
        assertFalse(selects("n NOT BETWEEN 1 AND 3", with("n", "2")));
    }

    @Test
    void andAfterBetweenBoundsIsTheLogicalAnd() {
        assertEquals("((n BETWEEN 1 AND 3) AND f)", tree("n BETWEEN 1 AND 3 AND f"));
    }

    @Test
    void betweenWithEmptyRangeSelectsNothing() {
        assertFalse(selects("n BETWEEN 3 AND 1", with("n", 2)));
    }
}
