package dev.petrel.tck.selector;

import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jakarta Messaging 3.1 §3.8.1: comparisons, literals and identifiers in selectors, on queues and topics. */
class ComparisonSelectorTest extends SelectorTestSupport {


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
}
