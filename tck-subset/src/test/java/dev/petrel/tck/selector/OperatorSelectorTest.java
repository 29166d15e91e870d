package dev.petrel.tck.selector;

import jakarta.jms.JMSException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;


/** Jakarta Messaging 3.1 §3.8.1: arithmetic, BETWEEN, IN, LIKE and IS NULL in selectors, on queues and topics. */
class OperatorSelectorTest extends SelectorTestSupport {


    @ParameterizedTest
    @EnumSource(Kind.class)
    void additionAndSubtractionAreEvaluated(Kind kind) throws JMSException {
        assertSelects(kind, "a + b = 5 AND a - b = 1",
                List.of(msg().p("a", 3).p("b", 2), msg().p("a", 4).p("b", 1)), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void multiplicationAndDivisionAreEvaluated(Kind kind) throws JMSException {
        assertSelects(kind, "a * 2 > 10 AND a / 2 = 3",
                List.of(msg().p("a", 5), msg().p("a", 6)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void multiplicationBindsTighterThanAddition(Kind kind) throws JMSException {
        assertSelects(kind, "1 + a * 2 = 7",
                List.of(msg().p("a", 2), msg().p("a", 3)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void parenthesesOverridePrecedence(Kind kind) throws JMSException {
        assertSelects(kind, "(1 + a) * 2 = 8",
                List.of(msg().p("a", 3), msg().p("a", 4)), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unaryMinusNegatesAValue(Kind kind) throws JMSException {
        assertSelects(kind, "-a = -3",
                List.of(msg().p("a", 3), msg().p("a", -3)), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void arithmeticMixesIntegersAndFloatingPoint(Kind kind) throws JMSException {
        assertSelects(kind, "a * 1.5 = 4.5",
                List.of(msg().p("a", 3), msg().p("a", 2)), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void arithmeticWithAMissingPropertyIsUnknown(Kind kind) throws JMSException {
        assertSelects(kind, "missing + 1 > 0 OR a = 2",
                List.of(msg().p("a", 1), msg().p("a", 2)), 1);
    }


    @ParameterizedTest
    @EnumSource(Kind.class)
    void betweenIncludesBothBounds(Kind kind) throws JMSException {
        assertSelects(kind, "age BETWEEN 15 AND 19",
                List.of(msg().p("age", 14), msg().p("age", 15), msg().p("age", 17), msg().p("age", 19),
                        msg().p("age", 20)), 1, 2, 3);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notBetweenExcludesTheRange(Kind kind) throws JMSException {
        assertSelects(kind, "age NOT BETWEEN 15 AND 19",
                List.of(msg().p("age", 14), msg().p("age", 15), msg().p("age", 20)), 0, 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void betweenOnAMissingPropertyIsUnknownAndSoIsNotBetween(Kind kind) throws JMSException {
        List<Msg> ms = List.of(msg(), msg().p("age", 16), msg().p("age", 30));
        assertSelects(kind, "age BETWEEN 15 AND 19", ms, 1);
        assertSelects(kind, "age NOT BETWEEN 15 AND 19", ms, 2);
    }


    @ParameterizedTest
    @EnumSource(Kind.class)
    void inSelectsValuesInTheList(Kind kind) throws JMSException {
        assertSelects(kind, "country IN ('UK', 'US', 'France')",
                List.of(msg().p("country", "UK"), msg().p("country", "Peru"), msg().p("country", "France")), 0, 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notInSelectsValuesOutsideTheList(Kind kind) throws JMSException {
        assertSelects(kind, "country NOT IN ('UK', 'US')",
                List.of(msg().p("country", "UK"), msg().p("country", "Peru")), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void inAndNotInOnAMissingPropertyAreBothUnknown(Kind kind) throws JMSException {
        List<Msg> ms = List.of(msg(), msg().p("country", "UK"), msg().p("country", "Peru"));
        assertSelects(kind, "country IN ('UK')", ms, 1);
        assertSelects(kind, "country NOT IN ('UK')", ms, 2);
    }


    @ParameterizedTest
    @EnumSource(Kind.class)
    void likePercentMatchesAnySequence(Kind kind) throws JMSException {
        assertSelects(kind, "phone LIKE '12%3'",
                List.of(msg().p("phone", "123"), msg().p("phone", "12993"), msg().p("phone", "1234")), 0, 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void likeUnderscoreMatchesExactlyOneCharacter(Kind kind) throws JMSException {
        assertSelects(kind, "word LIKE 'l_se'",
                List.of(msg().p("word", "lose"), msg().p("word", "loose"), msg().p("word", "lse")), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void likeWithEscapeMatchesALiteralUnderscore(Kind kind) throws JMSException {
        assertSelects(kind, "underscored LIKE '\\_%' ESCAPE '\\'",
                List.of(msg().p("underscored", "_foo"), msg().p("underscored", "bar")), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void likeWithEscapeMatchesALiteralPercent(Kind kind) throws JMSException {
        assertSelects(kind, "rate LIKE '100!%' ESCAPE '!'",
                List.of(msg().p("rate", "100%"), msg().p("rate", "1000")), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notLikeSelectsNonMatchingStrings(Kind kind) throws JMSException {
        assertSelects(kind, "word NOT LIKE 'l_se'",
                List.of(msg().p("word", "lose"), msg().p("word", "loose")), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void likeTreatsRegexCharactersLiterally(Kind kind) throws JMSException {
        assertSelects(kind, "path LIKE 'a.b*%'",
                List.of(msg().p("path", "aXb*c"), msg().p("path", "a.b*c")), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void likeOnAMissingPropertyIsUnknownAndSoIsNotLike(Kind kind) throws JMSException {
        List<Msg> ms = List.of(msg(), msg().p("word", "lose"), msg().p("word", "x"));
        assertSelects(kind, "word LIKE 'l%'", ms, 1);
        assertSelects(kind, "word NOT LIKE 'l%'", ms, 2);
    }


    @ParameterizedTest
    @EnumSource(Kind.class)
    void isNullSelectsMessagesWithoutTheProperty(Kind kind) throws JMSException {
        assertSelects(kind, "prop IS NULL", List.of(msg().p("prop", "x"), msg()), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void isNotNullSelectsMessagesWithTheProperty(Kind kind) throws JMSException {
        assertSelects(kind, "prop IS NOT NULL", List.of(msg(), msg().p("prop", 0)), 1);
    }
}
