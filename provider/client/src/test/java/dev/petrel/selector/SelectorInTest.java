package dev.petrel.selector;

import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.truth;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorInTest {

    @Test
    void inSelectsAListedValue() {
        assertTrue(selects("Country IN ('UK', 'US', 'France')", with("Country", "UK")));
    }

    @Test
    void inRejectsAnUnlistedValue() {
        assertFalse(selects("Country IN ('UK', 'US', 'France')", with("Country", "Peru")));
    }

    @Test
    void inComparesWholeStringsNotPrefixes() {
        assertFalse(selects("Country IN ('UK')", with("Country", "UKR")));
    }

    @Test
    void inListMayHoldOneItem() {
        assertTrue(selects("c IN ('x')", with("c", "x")));
    }

    @Test
    void inListItemsMayContainEscapedQuotes() {
        assertTrue(selects("c IN ('it''s', 'b')", with("c", "it's")));
    }

    @Test
    void notInSelectsAnUnlistedValue() {
        assertTrue(selects("Country NOT IN ('UK', 'US', 'France')", with("Country", "Peru")));
    }

    @Test
    void notInRejectsAListedValue() {
        assertFalse(selects("Country NOT IN ('UK', 'US', 'France')", with("Country", "US")));
    }

    @Test
    void inWithNullIdentifierIsUnknown() {
        assertEquals("UNKNOWN", truth("c IN ('a', 'b')", empty()));
    }

    @Test
    void notInWithNullIdentifierIsUnknown() {
        assertEquals("UNKNOWN", truth("c NOT IN ('a', 'b')", empty()));
    }

    @Test
    void inOnNumericPropertyIsFalse() {
        assertEquals("FALSE", truth("c IN ('1')", with("c", 1)));
    }

    @Test
    void notInOnNumericPropertyIsAlsoFalse() {
        assertFalse(selects("c NOT IN ('1')", with("c", 1)));
    }

    @Test
    void longInListSelectsItsLastItem() {
        StringBuilder selector = new StringBuilder("c IN ('v0'");
        for (int i = 1; i < 100; i++) {
            selector.append(", 'v").append(i).append('\'');
        }
        selector.append(')');
        assertTrue(selects(selector.toString(), with("c", "v99")));
    }

    @Test
    void longInListRejectsAnUnlistedValue() {
        assertFalse(selects("c IN ('a','b','c','d','e','f','g','h','i','j')", with("c", "z")));
    }

    @Test
    void inIsCaseSensitive() {
        assertFalse(selects("c IN ('uk')", with("c", "UK")));
    }
}
