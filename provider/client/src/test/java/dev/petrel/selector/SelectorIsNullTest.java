package dev.petrel.selector;

import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorIsNullTest {

    @Test
    void isNullSelectsMissingProperty() {
        assertTrue(selects("prop IS NULL", empty()));
    }

    @Test
    void isNullRejectsPresentProperty() {
        assertFalse(selects("prop IS NULL", with("prop", "x")));
    }

    @Test
    void isNullSelectsPropertyStoredAsNull() {
        assertTrue(selects("prop IS NULL", with("prop", null)));
    }

    @Test
    void isNotNullSelectsPresentProperty() {
        assertTrue(selects("prop IS NOT NULL", with("prop", 0)));
    }

    @Test
    void isNotNullRejectsMissingProperty() {
        assertFalse(selects("prop IS NOT NULL", empty()));
    }

    @Test
    void isNullTurnsUnknownIntoADecision() {
        assertTrue(selects("NOT (prop IS NOT NULL)", empty()));
    }

    @Test
    void isNullKeywordsAreCaseInsensitive() {
        assertTrue(selects("prop is Null", empty()));
    }

    @Test
    void isNullOnAbsentHeaderSelects() {
        assertTrue(selects("JMSCorrelationID IS NULL", empty()));
    }
}
