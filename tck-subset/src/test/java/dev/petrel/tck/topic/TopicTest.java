package dev.petrel.tck.topic;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Jakarta Messaging 3.1 §4.2 and §8: publish/subscribe with non-durable subscriptions. */
class TopicTest extends TckTest {

    @Test
    void everySubscriberGetsACopyOfEachMessage() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer sub1 = s.createConsumer(t);
            MessageConsumer sub2 = s.createConsumer(t);
            Session other = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer sub3 = other.createConsumer(t);
            MessageProducer p = s.createProducer(t);
            for (int i = 0; i < 5; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            List<String> expected = List.of("m0", "m1", "m2", "m3", "m4");
            assertEquals(expected, receiveTexts(sub1, 5));
            assertEquals(expected, receiveTexts(sub2, 5));
            assertEquals(expected, receiveTexts(sub3, 5));
        }
    }

    @Test
    void subscribersOnOtherConnectionsGetTheMessageToo() throws JMSException {
        try (Connection pub = cf.createConnection(); Connection subC = startedConnection()) {
            Session ss = subC.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = ss.createTopic(uniqueName());
            MessageConsumer sub = ss.createConsumer(t);
            Session ps = pub.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ps.createProducer(t).send(ps.createTextMessage("across"));
            assertEquals("across", receiveText(sub));
        }
    }

    @Test
    void nonDurableSubscriberMissesMessagesPublishedBeforeItExisted() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageProducer p = s.createProducer(t);
            p.send(s.createTextMessage("before"));
            MessageConsumer late = s.createConsumer(t);
            p.send(s.createTextMessage("after"));
            assertEquals("after", receiveText(late));
        }
    }

    @Test
    void messagesPublishedWithNoSubscribersAreNotKept() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createProducer(t).send(s.createTextMessage("lost"));
            assertNull(s.createConsumer(t).receive(ABSENCE_MS));
        }
    }

    @Test
    void closedSubscriberStopsReceivingAndANewOneStartsFresh() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageProducer p = s.createProducer(t);
            MessageConsumer first = s.createConsumer(t);
            first.close();
            p.send(s.createTextMessage("while none"));
            MessageConsumer second = s.createConsumer(t);
            p.send(s.createTextMessage("fresh"));
            assertEquals("fresh", receiveText(second));
        }
    }

    @Test
    void noLocalSubscriberDoesNotReceiveMessagesPublishedByItsOwnConnection() throws JMSException {
        try (Connection c = startedConnection(); Connection other = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer noLocal = s.createConsumer(t, null, true);
            s.createProducer(t).send(s.createTextMessage("local"));
            Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
            os.createProducer(t).send(os.createTextMessage("remote"));
            assertEquals("remote", receiveText(noLocal));
        }
    }

    @Test
    void noLocalAppliesToEverySessionOfTheConnection() throws JMSException {
        try (Connection c = startedConnection(); Connection other = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer noLocal = s.createConsumer(t, null, true);
            Session sibling = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            sibling.createProducer(t).send(sibling.createTextMessage("local from sibling session"));
            Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
            os.createProducer(t).send(os.createTextMessage("remote"));
            assertEquals("remote", receiveText(noLocal));
        }
    }

    @Test
    void subscriberWithoutNoLocalReceivesItsOwnConnectionsMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer sub = s.createConsumer(t, null, false);
            s.createProducer(t).send(s.createTextMessage("local"));
            assertEquals("local", receiveText(sub));
        }
    }

    @Test
    void subscriberWithASelectorGetsOnlyMatchingMessagesWhileOthersGetAll() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer all = s.createConsumer(t);
            MessageConsumer selective = s.createConsumer(t, "n > 1");
            MessageProducer p = s.createProducer(t);
            for (int i = 0; i < 4; i++) {
                TextMessage m = s.createTextMessage("m" + i);
                m.setIntProperty("n", i);
                p.send(m);
            }
            assertEquals(List.of("m0", "m1", "m2", "m3"), receiveTexts(all, 4));
            assertEquals(List.of("m2", "m3"), receiveTexts(selective, 2));
        }
    }

    @Test
    void topicListenersEachReceiveEveryMessage() throws Exception {
        try (Connection c = startedConnection()) {
            Session s1 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s1.createTopic(uniqueName());
            List<String> got1 = Collections.synchronizedList(new ArrayList<>());
            List<String> got2 = Collections.synchronizedList(new ArrayList<>());
            s1.createConsumer(t).setMessageListener(m -> got1.add(text(m)));
            s2.createConsumer(t).setMessageListener(m -> got2.add(text(m)));
            Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = ps.createProducer(t);
            for (int i = 0; i < 10; i++) {
                p.send(ps.createTextMessage("m" + i));
            }
            awaitCondition("both listeners to get 10 messages", () -> got1.size() >= 10 && got2.size() >= 10);
            assertEquals(new ArrayList<>(got1), new ArrayList<>(got2));
            assertEquals(10, got1.size());
        }
    }

    private static String text(jakarta.jms.Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
