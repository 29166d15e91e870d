package dev.petrel.tck.selector;

import jakarta.jms.JMSException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;


/** Jakarta Messaging 3.1 §3.8.1: header fields and three-valued logic in selectors, on queues and topics. */
class HeaderAndLogicSelectorTest extends SelectorTestSupport {


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
