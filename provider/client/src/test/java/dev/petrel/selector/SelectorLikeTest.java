package dev.petrel.selector;

import org.junit.jupiter.api.Test;

import static dev.petrel.selector.TestMessages.empty;
import static dev.petrel.selector.TestMessages.selects;
import static dev.petrel.selector.TestMessages.truth;
import static dev.petrel.selector.TestMessages.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelectorLikeTest {

    @Test
    void percentMatchesAnEmptySequence() {
        assertTrue(selects("phone LIKE '12%3'", with("phone", "123")));
    }

    @Test
    void percentMatchesManyCharacters() {
        assertTrue(selects("phone LIKE '12%3'", with("phone", "12993")));
    }

    @Test
    void percentRequiresTheRestToMatch() {
        assertFalse(selects("phone LIKE '12%3'", with("phone", "1234")));
    }

    @Test
    void underscoreMatchesOneLetter() {
        assertTrue(selects("word LIKE 'l_se'", with("word", "lose")));
    }

    @Test
    void underscoreDoesNotMatchTwoLetters() {
        assertFalse(selects("word LIKE 'l_se'", with("word", "loose")));
    }

    @Test
    void underscoreDoesNotMatchNothing() {
        assertFalse(selects("word LIKE 'l_se'", with("word", "lse")));
    }

    @Test
    void underscoreMatchesOneSupplementaryCharacter() {
        assertTrue(selects("s LIKE 'a_b'", with("s", "a\uD83D\uDE00b")));
    }

    @Test
    void escapedUnderscoreIsLiteral() {
        assertTrue(selects("underscored LIKE '\\_%' ESCAPE '\\'", with("underscored", "_foo")));
    }

    @Test
    void escapedUnderscoreDoesNotMatchOtherCharacters() {
        assertFalse(selects("underscored LIKE '\\_%' ESCAPE '\\'", with("underscored", "bar")));
    }

    @Test
    void escapedPercentIsLiteral() {
        assertTrue(selects("s LIKE '100!%' ESCAPE '!'", with("s", "100%")));
    }

    @Test
    void escapedPercentDoesNotMatchASequence() {
        assertFalse(selects("s LIKE '100!%' ESCAPE '!'", with("s", "1000")));
    }

    @Test
    void escapedEscapeCharacterIsLiteral() {
        assertTrue(selects("s LIKE 'a!!b' ESCAPE '!'", with("s", "a!b")));
    }

    @Test
    void escapeCharacterMayBeAQuote() {
        assertTrue(selects("s LIKE '50''%' ESCAPE ''''", with("s", "50%")));
    }

    @Test
    void withoutEscapeClauseBackslashIsAnOrdinaryCharacter() {
        assertTrue(selects("s LIKE 'a\\%'", with("s", "a\\xyz")));
    }

    @Test
    void dotIsNotARegexWildcard() {
        assertFalse(selects("s LIKE 'a.c'", with("s", "abc")));
    }

    @Test
    void dotMatchesItself() {
        assertTrue(selects("s LIKE 'a.c'", with("s", "a.c")));
    }

    @Test
    void starIsNotARegexWildcard() {
        assertFalse(selects("s LIKE 'a*'", with("s", "aaa")));
    }

    @Test
    void regexMetacharactersMatchThemselves() {
        assertTrue(selects("s LIKE '^[a-z]+(x|y)?$\\d{2}%'", with("s", "^[a-z]+(x|y)?$\\d{2} tail")));
    }

    @Test
    void regexCharacterClassDoesNotMatchItsMembers() {
        assertFalse(selects("s LIKE '[abc]'", with("s", "a")));
    }

    @Test
    void patternWithoutWildcardsMatchesOnlyEqualString() {
        assertFalse(selects("s LIKE 'abc'", with("s", "abcd")));
    }

    @Test
    void prefixPattern() {
        assertTrue(selects("s LIKE 'abc%'", with("s", "abcdef")));
    }

    @Test
    void suffixPattern() {
        assertTrue(selects("s LIKE '%def'", with("s", "abcdef")));
    }

    @Test
    void containsPattern() {
        assertTrue(selects("s LIKE '%cd%'", with("s", "abcdef")));
    }

    @Test
    void percentAloneMatchesEmptyString() {
        assertTrue(selects("s LIKE '%'", with("s", "")));
    }

    @Test
    void emptyPatternMatchesOnlyEmptyString() {
        assertFalse(selects("s LIKE ''", with("s", "a")));
    }

    @Test
    void percentsNeedBacktrackingToMatch() {
        assertTrue(selects("s LIKE '%a%b%a'", with("s", "xxaxbxxbxa")));
    }

    @Test
    void percentsWithBacktrackingRejectWhenNoSplitWorks() {
        assertFalse(selects("s LIKE '%ab%ba'", with("s", "abba_")));
    }

    @Test
    void mixedWildcardsMatch() {
        assertTrue(selects("s LIKE '_%_x'", with("s", "abx")));
    }

    @Test
    void mixedWildcardsNeedEnoughCharacters() {
        assertFalse(selects("s LIKE '_%_x'", with("s", "ax")));
    }

    @Test
    void likeMatchesAcrossLineBreaks() {
        assertTrue(selects("s LIKE 'a%b'", with("s", "a\nb")));
    }

    @Test
    void likeIsCaseSensitive() {
        assertFalse(selects("s LIKE 'A%'", with("s", "abc")));
    }

    @Test
    void notLikeSelectsNonMatchingValue() {
        assertTrue(selects("s NOT LIKE 'a%'", with("s", "bcd")));
    }

    @Test
    void notLikeRejectsMatchingValue() {
        assertFalse(selects("s NOT LIKE 'a%'", with("s", "abc")));
    }

    @Test
    void likeWithNullIdentifierIsUnknown() {
        assertEquals("UNKNOWN", truth("s LIKE 'a%'", empty()));
    }

    @Test
    void notLikeWithNullIdentifierIsUnknown() {
        assertEquals("UNKNOWN", truth("s NOT LIKE 'a%'", empty()));
    }

    @Test
    void likeOnNumericPropertyIsFalse() {
        assertEquals("FALSE", truth("s LIKE '1%'", with("s", 12)));
    }
}
