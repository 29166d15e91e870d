package dev.petrel.selector;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LikePatternTest {

    /** The meaning of a LIKE pattern (no escape) as a regular expression, used as the reference. */
    private static boolean reference(String pattern, String s) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(s).matches();
    }

    private static String random(Random random, String alphabet, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void matcherAgreesWithRegularExpressionReferenceOnRandomPatterns() {
        Random random = new Random(20261125L);
        for (int i = 0; i < 20_000; i++) {
            String pattern = random(random, "ab%_", 6);
            String s = random(random, "ab", 8);
            assertEquals(reference(pattern, s), LikePattern.compile(pattern, -1).matches(s),
                    () -> "'" + s + "' LIKE '" + pattern + "'");
        }
    }

    @Test
    void consecutivePercentsActAsOne() {
        assertTrue(LikePattern.compile("a%%%b", -1).matches("ab"));
    }

    @Test
    void escapeCharacterBeforeAnOrdinaryCharacterStandsForThatCharacter() {
        assertTrue(LikePattern.compile("a!bc", '!').matches("abc"));
    }

    @Test
    void escapedPercentInTheMiddleOfAContainsPatternIsLiteral() {
        assertFalse(LikePattern.compile("%a!%b%", '!').matches("xaYbx"));
    }

    @Test
    void escapeCharacterMayBeAWildcardCharacter() {
        assertTrue(LikePattern.compile("a%%", '%').matches("a%"));
    }

    @Test
    void patternEndingInEscapeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LikePattern.compile("ab!", '!'));
    }

    @Test
    void toStringShowsPatternAndEscape() {
        assertEquals("'it''s!_' ESCAPE '!'", LikePattern.compile("it's!_", '!').toString());
    }
}
