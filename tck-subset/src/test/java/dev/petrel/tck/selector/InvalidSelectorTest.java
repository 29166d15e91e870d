package dev.petrel.tck.selector;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Jakarta Messaging 3.1 §3.8: a syntactically invalid selector is rejected where it is given. */
class InvalidSelectorTest extends TckTest {


    @ParameterizedTest
    @ValueSource(strings = {"color = ", "color == 'red'", "(a = 1", "a = 'unterminated", "a = 1 AND",
        "a BETWEEN 1", "a IS 5", "a = 1 OR OR b = 2", "a LIKE 5", "NOT", "= 1", "a ! b"})
    void invalidSelectorOnAQueueConsumerThrowsInvalidSelectorException(String selector) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            assertThrows(InvalidSelectorException.class, () -> s.createConsumer(q, selector));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"color = ", "(a = 1", "a LIKE 5"})
    void invalidSelectorOnATopicConsumerThrowsInvalidSelectorException(String selector) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            assertThrows(InvalidSelectorException.class, () -> s.createConsumer(t, selector));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"color = ", "(a = 1", "a LIKE 5"})
    void invalidSelectorOnABrowserThrowsInvalidSelectorException(String selector) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            assertThrows(InvalidSelectorException.class, () -> s.createBrowser(q, selector));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"color = ", "(a = 1"})
    void invalidSelectorOnADurableConsumerThrowsInvalidSelectorException(String selector) throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.setClientID(uniqueName());
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            assertThrows(InvalidSelectorException.class,
                    () -> s.createDurableConsumer(t, uniqueName(), selector, false));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"color = ", "(a = 1"})
    void invalidSelectorOnASharedConsumerThrowsInvalidSelectorException(String selector) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            assertThrows(InvalidSelectorException.class, () -> s.createSharedConsumer(t, uniqueName(), selector));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"color = ", "(a = 1"})
    void invalidSelectorOnASharedDurableConsumerThrowsInvalidSelectorException(String selector) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            assertThrows(InvalidSelectorException.class,
                    () -> s.createSharedDurableConsumer(t, uniqueName(), selector));
        }
    }
}
