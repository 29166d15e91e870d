package dev.petrel.tck.browser;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Jakarta Messaging 3.1 §6.2.12 / QueueBrowser Javadoc: a browser looks at a queue without consuming. */
class QueueBrowserTest extends TckTest {

    private static List<String> browse(QueueBrowser browser) throws JMSException {
        List<String> texts = new ArrayList<>();
        Enumeration<?> e = browser.getEnumeration();
        while (e.hasMoreElements()) {
            texts.add(((TextMessage) e.nextElement()).getText());
        }
        return texts;
    }

    private static void send(Session s, Queue q, String... texts) throws JMSException {
        MessageProducer p = s.createProducer(q);
        for (String t : texts) {
            TextMessage m = s.createTextMessage(t);
            m.setStringProperty("tag", t);
            p.send(m);
        }
    }

    @Test
    void browserEnumeratesQueuedMessagesInOrder() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            send(s, q, "a", "b", "c");
            assertEquals(List.of("a", "b", "c"), browse(s.createBrowser(q)));
        }
    }

    @Test
    void browsingDoesNotConsumeMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            send(s, q, "a", "b");
            QueueBrowser browser = s.createBrowser(q);
            browse(browser);
            browser.close();
            assertEquals(List.of("a", "b"), receiveTexts(s.createConsumer(q), 2));
        }
    }

    @Test
    void browsingTwiceShowsTheSameMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            send(s, q, "a", "b");
            QueueBrowser browser = s.createBrowser(q);
            assertEquals(browse(browser), browse(browser));
        }
    }

    @Test
    void browserWithASelectorShowsOnlyMatchingMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            send(s, q, "a", "b", "c");
            QueueBrowser browser = s.createBrowser(q, "tag <> 'b'");
            assertEquals("tag <> 'b'", browser.getMessageSelector());
            assertEquals(List.of("a", "c"), browse(browser));
        }
    }

    @Test
    void browserOnAnEmptyQueueHasNoElements() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueBrowser browser = s.createBrowser(s.createQueue(uniqueName()));
            assertFalse(browser.getEnumeration().hasMoreElements());
        }
    }

    @Test
    void browserReportsItsQueueAndANullSelectorByDefault() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            QueueBrowser browser = s.createBrowser(q);
            assertEquals(q.getQueueName(), browser.getQueue().getQueueName());
            assertNull(browser.getMessageSelector());
        }
    }

    @Test
    void browserWorksOnAStoppedConnection() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            send(s, q, "a");
            assertEquals(List.of("a"), browse(s.createBrowser(q)));
        }
    }

    @Test
    void browsedMessagesCarryTheirHeadersAndProperties() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            TextMessage sent = s.createTextMessage("x");
            sent.setJMSType("t");
            sent.setIntProperty("n", 7);
            s.createProducer(q).send(sent);
            Message browsed = (Message) s.createBrowser(q).getEnumeration().nextElement();
            assertEquals(sent.getJMSMessageID(), browsed.getJMSMessageID());
            assertEquals("t", browsed.getJMSType());
            assertEquals(7, browsed.getIntProperty("n"));
        }
    }

    @Test
    void browserDoesNotShowMessagesOfAnUncommittedTransaction() throws JMSException {
        try (Connection c = startedConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            send(tx, q, "uncommitted");
            send(s, q, "committed");
            assertEquals(List.of("committed"), browse(s.createBrowser(q)));
            tx.rollback();
        }
    }

    @Test
    void browserDoesNotShowConsumedMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            send(s, q, "a", "b");
            MessageConsumer consumer = s.createConsumer(q);
            assertEquals("a", receiveText(consumer));
            consumer.close();
            assertEquals(List.of("b"), browse(s.createBrowser(q)));
        }
    }

    @Test
    void browserWorksOnATemporaryQueue() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createTemporaryQueue();
            send(s, q, "t1", "t2");
            assertEquals(List.of("t1", "t2"), browse(s.createBrowser(q)));
        }
    }
}
