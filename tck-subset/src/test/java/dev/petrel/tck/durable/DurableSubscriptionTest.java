package dev.petrel.tck.durable;

import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Jakarta Messaging 3.1 §8.3: unshared durable subscriptions. */
class DurableSubscriptionTest extends TckTest {

    private Connection connectionWithClientId(String clientId) throws JMSException {
        Connection c = cf.createConnection();
        c.setClientID(clientId);
        c.start();
        return c;
    }

    private static void publish(Connection c, Topic t, String... texts) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(t);
        for (String text : texts) {
            p.send(s.createTextMessage(text));
        }
        s.close();
    }

    private static void publishWithProperty(Connection c, Topic t, String text, String name, int value)
            throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TextMessage m = s.createTextMessage(text);
        m.setIntProperty(name, value);
        s.createProducer(t).send(m);
        s.close();
    }

    @Test
    void durableSubscriptionKeepsMessagesPublishedWhileItHasNoConsumer() throws JMSException {
        String clientId = uniqueName();
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(clientId)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createDurableConsumer(t, sub).close();
            publish(c, t, "while inactive 1", "while inactive 2");
            MessageConsumer again = s.createDurableConsumer(t, sub);
            assertEquals(List.of("while inactive 1", "while inactive 2"), receiveTexts(again, 2));
            again.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void durableSubscriptionSurvivesItsConnectionClosing() throws JMSException {
        String clientId = uniqueName();
        String sub = uniqueName();
        Topic t;
        try (Connection c = connectionWithClientId(clientId)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            t = s.createTopic(uniqueName());
            s.createDurableConsumer(t, sub);
        }
        try (Connection publisher = cf.createConnection()) {
            publish(publisher, t, "kept for a closed connection");
        }
        try (Connection c = connectionWithClientId(clientId)) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer again = s.createDurableConsumer(t, sub);
            assertEquals("kept for a closed connection", receiveText(again));
            again.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void createDurableSubscriberReturnsATopicSubscriberThatReceives() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            TopicSubscriber subscriber = s.createDurableSubscriber(t, sub);
            assertEquals(t.getTopicName(), subscriber.getTopic().getTopicName());
            publish(c, t, "via TopicSubscriber");
            assertEquals("via TopicSubscriber", receiveText(subscriber));
            subscriber.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void unsubscribeDeletesTheSubscriptionAndItsMessages() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createDurableConsumer(t, sub).close();
            publish(c, t, "dropped with the subscription");
            s.unsubscribe(sub);
            MessageConsumer fresh = s.createDurableConsumer(t, sub);
            publish(c, t, "after resubscribe");
            assertEquals("after resubscribe", receiveText(fresh));
            fresh.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void unsubscribeWithAnActiveConsumerThrowsJmsException() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer active = s.createDurableConsumer(t, sub);
            assertThrows(JMSException.class, () -> s.unsubscribe(sub));
            active.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void unsubscribingAnUnknownNameThrowsInvalidDestinationException() throws JMSException {
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(InvalidDestinationException.class, () -> s.unsubscribe(uniqueName()));
        }
    }

    @Test
    void changingTheSelectorRecreatesTheSubscriptionWithoutTheOldMessages() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createDurableConsumer(t, sub, "kind = 1", false).close();
            publishWithProperty(c, t, "old subscription", "kind", 1);
            MessageConsumer changed = s.createDurableConsumer(t, sub, "kind = 2", false);
            assertEquals("kind = 2", changed.getMessageSelector());
            publishWithProperty(c, t, "new subscription", "kind", 2);
            assertEquals("new subscription", receiveText(changed));
            changed.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void changingTheTopicRecreatesTheSubscriptionWithoutTheOldMessages() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic first = s.createTopic(uniqueName());
            Topic second = s.createTopic(uniqueName());
            s.createDurableConsumer(first, sub).close();
            publish(c, first, "on the first topic");
            MessageConsumer moved = s.createDurableConsumer(second, sub);
            publish(c, second, "on the second topic");
            assertEquals("on the second topic", receiveText(moved));
            moved.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void durableSubscriptionWithASelectorKeepsOnlyMatchingMessages() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createDurableConsumer(t, sub, "kind = 1", false).close();
            publishWithProperty(c, t, "not kept", "kind", 2);
            publishWithProperty(c, t, "kept", "kind", 1);
            MessageConsumer again = s.createDurableConsumer(t, sub, "kind = 1", false);
            assertEquals("kept", receiveText(again));
            again.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void unsharedDurableConsumerWithoutAClientIdThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            assertThrows(IllegalStateException.class, () -> s.createDurableConsumer(t, uniqueName()));
        }
    }

    @Test
    void secondActiveConsumerOnAnUnsharedDurableSubscriptionIsRejected() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer first = s.createDurableConsumer(t, sub);
            Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSException.class, () -> s2.createDurableConsumer(t, sub));
            first.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void sameSubscriptionNameUnderDifferentClientIdsNamesDifferentSubscriptions() throws JMSException {
        String sub = uniqueName();
        try (Connection a = connectionWithClientId(uniqueName()); Connection b = connectionWithClientId(uniqueName())) {
            Session sa = a.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session sb = b.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = sa.createTopic(uniqueName());
            MessageConsumer ca = sa.createDurableConsumer(t, sub);
            MessageConsumer cb = sb.createDurableConsumer(t, sub);
            publish(a, t, "to both");
            assertEquals("to both", receiveText(ca));
            assertEquals("to both", receiveText(cb));
            ca.close();
            cb.close();
            sa.unsubscribe(sub);
            sb.unsubscribe(sub);
        }
    }

    @Test
    void durableSubscriptionKeepsClientAcknowledgedButUnacknowledgedMessages() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer consumer = s.createDurableConsumer(t, sub);
            publish(c, t, "unacked");
            receiveRequired(consumer);
            s.close();
            Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer again = s2.createDurableConsumer(t, sub);
            assertEquals("unacked", receiveText(again));
            again.close();
            s2.unsubscribe(sub);
        }
    }

    @Test
    void durableSubscriberReportsItsNoLocalSetting() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName())) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            TopicSubscriber subscriber = s.createDurableSubscriber(t, sub, null, true);
            assertTrue(subscriber.getNoLocal());
            subscriber.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void noLocalDurableSubscriptionDoesNotKeepMessagesFromItsOwnConnection() throws JMSException {
        String sub = uniqueName();
        try (Connection c = connectionWithClientId(uniqueName()); Connection other = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer consumer = s.createDurableConsumer(t, sub, null, true);
            publish(c, t, "local");
            publish(other, t, "remote");
            assertEquals("remote", receiveText(consumer));
            consumer.close();
            s.unsubscribe(sub);
        }
    }
}
