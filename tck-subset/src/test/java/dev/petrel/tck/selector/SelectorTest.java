package dev.petrel.tck.selector;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Jakarta Messaging 3.1 §3.8: message selectors, on queues and on topics. Each test sends a list of
 * messages (numbered by the property {@code idx}) to a consumer with a selector and checks exactly
 * which ones it receives.
 */
class SelectorTest extends TckTest {

    enum Kind { QUEUE, TOPIC }

    /** A message to send: properties plus the header fields a selector can test. */
    static final class Msg {
        final Map<String, Object> props = new LinkedHashMap<>();
        String type;
        String correlationId;
        int priority = Message.DEFAULT_PRIORITY;
        int deliveryMode = DeliveryMode.PERSISTENT;

        Msg p(String name, Object value) {
            props.put(name, value);
            return this;
        }

        Msg type(String t) {
            this.type = t;
            return this;
        }

        Msg correlation(String c) {
            this.correlationId = c;
            return this;
        }

        Msg priority(int p) {
            this.priority = p;
            return this;
        }

        Msg nonPersistent() {
            this.deliveryMode = DeliveryMode.NON_PERSISTENT;
            return this;
        }
    }

    static Msg msg() {
        return new Msg();
    }

    /** Sends {@code messages} and asserts the consumer with {@code selector} gets exactly the {@code expected} indexes. */
    private void assertSelects(Kind kind, String selector, List<Msg> messages, Integer... expected) throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Destination d = kind == Kind.QUEUE ? s.createQueue(uniqueName()) : s.createTopic(uniqueName());
            MessageConsumer consumer = s.createConsumer(d, selector);
            assertEquals(selector, consumer.getMessageSelector());
            MessageProducer p = s.createProducer(d);
            for (int i = 0; i < messages.size(); i++) {
                Msg spec = messages.get(i);
                Message m = s.createMessage();
                m.setIntProperty("idx", i);
                for (Map.Entry<String, Object> e : spec.props.entrySet()) {
                    m.setObjectProperty(e.getKey(), e.getValue());
                }
                if (spec.type != null) {
                    m.setJMSType(spec.type);
                }
                if (spec.correlationId != null) {
                    m.setJMSCorrelationID(spec.correlationId);
                }
                p.send(m, spec.deliveryMode, spec.priority, 0);
            }
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < expected.length; i++) {
                got.add(receiveRequired(consumer).getIntProperty("idx"));
            }
            got.sort(null);
            List<Integer> want = new ArrayList<>(Arrays.asList(expected));
            want.sort(null);
            assertEquals(want, got, "messages selected by \"" + selector + "\"");
            Message extra = consumer.receive(250);
            assertNull(extra, () -> "\"" + selector + "\" also selected message " + idx(extra));
        }
    }

    private static String idx(Message m) {
        try {
            return String.valueOf(m.getObjectProperty("idx"));
        } catch (JMSException e) {
            return "?";
        }
    }

    // ---- comparison ----

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stringEqualitySelectsMatchingMessages(Kind kind) throws JMSException {
        assertSelects(kind, "color = 'red'",
                List.of(msg().p("color", "red"), msg().p("color", "blue"), msg().p("color", "red")), 0, 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stringInequalitySelectsOtherValues(Kind kind) throws JMSException {
        assertSelects(kind, "color <> 'red'",
                List.of(msg().p("color", "red"), msg().p("color", "blue")), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stringComparisonIsCaseSensitive(Kind kind) throws JMSException {
        assertSelects(kind, "color = 'Red'",
                List.of(msg().p("color", "red"), msg().p("color", "Red")), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void stringLiteralWithDoubledQuoteMatchesASingleQuote(Kind kind) throws JMSException {
        assertSelects(kind, "name = 'O''Brien'",
                List.of(msg().p("name", "OBrien"), msg().p("name", "O'Brien")), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void numericGreaterThanSelectsLargerValues(Kind kind) throws JMSException {
        assertSelects(kind, "weight > 10",
                List.of(msg().p("weight", 5), msg().p("weight", 10), msg().p("weight", 11)), 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void numericComparisonOperatorsHaveTheirUsualMeaning(Kind kind) throws JMSException {
        List<Msg> ms = List.of(msg().p("n", 1), msg().p("n", 2), msg().p("n", 3));
        assertSelects(kind, "n >= 2", ms, 1, 2);
        assertSelects(kind, "n < 2", ms, 0);
        assertSelects(kind, "n <= 2", ms, 0, 1);
        assertSelects(kind, "n <> 2", ms, 0, 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void integerPropertyComparesEquallyWithAnApproximateLiteral(Kind kind) throws JMSException {
        assertSelects(kind, "n = 7E3",
                List.of(msg().p("n", 6999), msg().p("n", 7000)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void floatingPointPropertiesCompareWithDecimalLiterals(Kind kind) throws JMSException {
        assertSelects(kind, "price < 9.99",
                List.of(msg().p("price", 9.5d), msg().p("price", 10.0f), msg().p("price", 9.98f)), 0, 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void longPropertiesCompareBeyondTheIntRange(Kind kind) throws JMSException {
        assertSelects(kind, "big > 3000000000",
                List.of(msg().p("big", 2_999_999_999L), msg().p("big", 3_000_000_001L)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void comparingAStringPropertyWithANumberIsFalse(Kind kind) throws JMSException {
        assertSelects(kind, "code = 1 OR flag = TRUE",
                List.of(msg().p("code", "1"), msg().p("code", 1).p("flag", true)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void booleanPropertyComparesWithTrueAndFalse(Kind kind) throws JMSException {
        List<Msg> ms = List.of(msg().p("flag", true), msg().p("flag", false));
        assertSelects(kind, "flag = TRUE", ms, 0);
        assertSelects(kind, "flag = false", ms, 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void booleanPropertyAloneIsAConditionalExpression(Kind kind) throws JMSException {
        assertSelects(kind, "flag", List.of(msg().p("flag", false), msg().p("flag", true)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void keywordsAreCaseInsensitiveButIdentifiersAreCaseSensitive(Kind kind) throws JMSException {
        assertSelects(kind, "Color = 'red' and size = 1",
                List.of(msg().p("color", "red").p("size", 1), msg().p("Color", "red").p("size", 1)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void identifiersMayStartWithDollarAndUnderscore(Kind kind) throws JMSException {
        assertSelects(kind, "$price > 1 AND _count = 2",
                List.of(msg().p("$price", 2).p("_count", 1), msg().p("$price", 2).p("_count", 2)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void emptySelectorSelectsEveryMessage(Kind kind) throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Destination d = kind == Kind.QUEUE ? s.createQueue(uniqueName()) : s.createTopic(uniqueName());
            MessageConsumer consumer = s.createConsumer(d, "");
            s.createProducer(d).send(s.createTextMessage("any"));
            assertEquals("any", receiveText(consumer));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void nullSelectorSelectsEveryMessage(Kind kind) throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Destination d = kind == Kind.QUEUE ? s.createQueue(uniqueName()) : s.createTopic(uniqueName());
            MessageConsumer consumer = s.createConsumer(d, null);
            s.createProducer(d).send(s.createTextMessage("any"));
            assertEquals("any", receiveText(consumer));
        }
    }

    // ---- arithmetic ----

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

    // ---- BETWEEN ----

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

    // ---- IN ----

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

    // ---- LIKE ----

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

    // ---- IS NULL ----

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

    // ---- header fields ----

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jmsPriorityCanBeSelected(Kind kind) throws JMSException {
        assertSelects(kind, "JMSPriority > 5",
                List.of(msg().priority(2), msg().priority(9), msg().priority(6)), 1, 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jmsTypeCanBeSelected(Kind kind) throws JMSException {
        assertSelects(kind, "JMSType = 'car'",
                List.of(msg().type("bike"), msg().type("car"), msg()), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jmsDeliveryModeIsComparedWithPersistentAndNonPersistent(Kind kind) throws JMSException {
        List<Msg> ms = List.of(msg().nonPersistent(), msg());
        assertSelects(kind, "JMSDeliveryMode = 'PERSISTENT'", ms, 1);
        assertSelects(kind, "JMSDeliveryMode = 'NON_PERSISTENT'", ms, 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jmsCorrelationIdCanBeSelected(Kind kind) throws JMSException {
        assertSelects(kind, "JMSCorrelationID = 'abc'",
                List.of(msg().correlation("abc"), msg().correlation("xyz"), msg()), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jmsMessageIdCanBeSelected(Kind kind) throws JMSException {
        assertSelects(kind, "JMSMessageID LIKE 'ID:%'", List.of(msg(), msg()), 0, 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jmsTimestampCanBeSelected(Kind kind) throws JMSException {
        assertSelects(kind, "JMSTimestamp > 0", List.of(msg()), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void jmsxGroupIdCanBeSelected(Kind kind) throws JMSException {
        assertSelects(kind, "JMSXGroupID = 'g1'",
                List.of(msg().p("JMSXGroupID", "g2"), msg().p("JMSXGroupID", "g1")), 1);
    }

    // ---- logic and three-valued logic ----

    @ParameterizedTest
    @EnumSource(Kind.class)
    void andRequiresBothOperands(Kind kind) throws JMSException {
        assertSelects(kind, "a = 1 AND b = 2",
                List.of(msg().p("a", 1).p("b", 1), msg().p("a", 1).p("b", 2)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void orRequiresEitherOperand(Kind kind) throws JMSException {
        assertSelects(kind, "a = 1 OR b = 2",
                List.of(msg().p("a", 1).p("b", 1), msg().p("a", 0).p("b", 2), msg().p("a", 0).p("b", 0)), 0, 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void andBindsTighterThanOr(Kind kind) throws JMSException {
        assertSelects(kind, "a = 1 OR b = 1 AND c = 1",
                List.of(msg().p("a", 1).p("b", 0).p("c", 0), msg().p("a", 0).p("b", 1).p("c", 0)), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void comparisonWithAMissingPropertyIsUnknownAndNotSelected(Kind kind) throws JMSException {
        assertSelects(kind, "x = 1", List.of(msg(), msg().p("x", 1)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void notOfUnknownIsUnknownAndNotSelected(Kind kind) throws JMSException {
        assertSelects(kind, "NOT (x = 1)", List.of(msg(), msg().p("x", 1), msg().p("x", 2)), 2);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownOrTrueIsTrue(Kind kind) throws JMSException {
        assertSelects(kind, "x = 1 OR y = 2", List.of(msg().p("y", 2), msg().p("y", 3)), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownAndFalseIsFalseSoItsNegationIsSelected(Kind kind) throws JMSException {
        assertSelects(kind, "NOT (x = 1 AND y = 2)", List.of(msg().p("y", 3), msg().p("y", 2)), 0);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownAndTrueIsUnknown(Kind kind) throws JMSException {
        assertSelects(kind, "x = 1 AND y = 2", List.of(msg().p("y", 2), msg().p("x", 1).p("y", 2)), 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void unknownOrFalseIsUnknownSoItsNegationIsNotSelected(Kind kind) throws JMSException {
        assertSelects(kind, "NOT (x = 1 OR y = 2)", List.of(msg().p("y", 3), msg().p("x", 2).p("y", 3)), 1);
    }
}
