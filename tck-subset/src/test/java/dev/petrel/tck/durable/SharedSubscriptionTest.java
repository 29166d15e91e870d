package dev.petrel.tck.durable;

import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Jakarta Messaging 3.1 §8.3: shared non-durable and shared durable subscriptions. */
class SharedSubscriptionTest extends TckTest {

    private static final int COUNT = 30;

    private static Set<String> publish(Connection c, Topic t, int count, String prefix) throws JMSException {
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(t);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < count; i++) {
            p.send(s.createTextMessage(prefix + i));
            sent.add(prefix + i);
        }
        s.close();
        return sent;
    }

    private static MessageListener collectInto(List<String> sink) {
        return m -> {
            try {
                sink.add(((TextMessage) m).getText());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private interface ConsumerFactory {
        MessageConsumer create(Session s, Topic t) throws JMSException;
    }

    /** Two consumers on two connections share one subscription: all messages arrive, each once. */
    private void assertSharedDelivery(ConsumerFactory factory) throws JMSException {
        try (Connection c1 = startedConnection(); Connection c2 = startedConnection()) {
            Session s1 = c1.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session s2 = c2.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s1.createTopic(uniqueName());
            List<String> got1 = Collections.synchronizedList(new ArrayList<>());
            List<String> got2 = Collections.synchronizedList(new ArrayList<>());
            MessageConsumer a = factory.create(s1, t);
            MessageConsumer b = factory.create(s2, t);
            a.setMessageListener(collectInto(got1));
            b.setMessageListener(collectInto(got2));
            Set<String> sent = publish(c1, t, COUNT, "m");
            awaitCondition(COUNT + " messages across both consumers", () -> got1.size() + got2.size() >= COUNT);
            List<String> all = new ArrayList<>(got1);
            all.addAll(got2);
            assertEquals(COUNT, all.size(), "a message reached more than one consumer of the subscription");
            assertEquals(sent, new HashSet<>(all));
            a.close();
            b.close();
        }
    }

    @Test
    void sharedNonDurableSubscriptionDeliversEachMessageToOneOfItsConsumers() throws JMSException {
        String sub = uniqueName();
        assertSharedDelivery((s, t) -> s.createSharedConsumer(t, sub));
    }

    @Test
    void sharedDurableSubscriptionDeliversEachMessageToOneOfItsConsumers() throws JMSException {
        String sub = uniqueName();
        assertSharedDelivery((s, t) -> s.createSharedDurableConsumer(t, sub));
        try (Connection c = cf.createConnection()) {
            c.createSession(false, Session.AUTO_ACKNOWLEDGE).unsubscribe(sub);
        }
    }

    @Test
    void sharedSubscriptionsDoNotNeedAClientId() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer shared = s.createSharedConsumer(t, uniqueName());
            publish(c, t, 1, "no client id ");
            assertEquals("no client id 0", receiveText(shared));
        }
    }

    @Test
    void twoSharedSubscriptionsEachGetEveryMessage() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer first = s.createSharedConsumer(t, uniqueName());
            MessageConsumer second = s.createSharedConsumer(t, uniqueName());
            publish(c, t, 3, "m");
            assertEquals(List.of("m0", "m1", "m2"), receiveTexts(first, 3));
            assertEquals(List.of("m0", "m1", "m2"), receiveTexts(second, 3));
        }
    }

    @Test
    void sharedNonDurableSubscriptionEndsWhenItsLastConsumerCloses() throws JMSException {
        String sub = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createSharedConsumer(t, sub).close();
            publish(c, t, 1, "while no consumer ");
            MessageConsumer again = s.createSharedConsumer(t, sub);
            publish(c, t, 1, "after ");
            assertEquals("after 0", receiveText(again));
        }
    }

    @Test
    void sharedDurableSubscriptionKeepsMessagesWhileItHasNoConsumer() throws JMSException {
        String sub = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createSharedDurableConsumer(t, sub).close();
            publish(c, t, 2, "kept ");
            MessageConsumer again = s.createSharedDurableConsumer(t, sub);
            assertEquals(List.of("kept 0", "kept 1"), receiveTexts(again, 2));
            again.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void unsubscribeDeletesASharedDurableSubscription() throws JMSException {
        String sub = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            s.createSharedDurableConsumer(t, sub).close();
            publish(c, t, 1, "dropped ");
            s.unsubscribe(sub);
            MessageConsumer fresh = s.createSharedDurableConsumer(t, sub);
            publish(c, t, 1, "fresh ");
            assertEquals("fresh 0", receiveText(fresh));
            fresh.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void unsubscribingASharedDurableSubscriptionWithAnActiveConsumerThrowsJmsException() throws JMSException {
        String sub = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer active = s.createSharedDurableConsumer(t, sub);
            assertThrows(JMSException.class, () -> s.unsubscribe(sub));
            active.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void sharedConsumerWithADifferentSelectorWhileTheSubscriptionIsActiveThrowsJmsException() throws JMSException {
        String sub = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer first = s.createSharedConsumer(t, sub, "a = 1");
            assertThrows(JMSException.class, () -> s.createSharedConsumer(t, sub, "a = 2"));
            first.close();
        }
    }

    @Test
    void sharedConsumerOnADifferentTopicWhileTheSubscriptionIsActiveThrowsJmsException() throws JMSException {
        String sub = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t1 = s.createTopic(uniqueName());
            Topic t2 = s.createTopic(uniqueName());
            MessageConsumer first = s.createSharedConsumer(t1, sub);
            assertThrows(JMSException.class, () -> s.createSharedConsumer(t2, sub));
            first.close();
        }
    }

    @Test
    void sharedSubscriptionWithASelectorDeliversOnlyMatchingMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            MessageConsumer shared = s.createSharedConsumer(t, uniqueName(), "n = 2");
            MessageProducer p = s.createProducer(t);
            for (int i = 0; i < 3; i++) {
                Message m = s.createTextMessage("m" + i);
                m.setIntProperty("n", i);
                p.send(m);
            }
            assertEquals("m2", receiveText(shared));
            assertNull(shared.receive(250));
        }
    }

    @Test
    void unacknowledgedMessageOfASharedDurableSubscriptionGoesToAnotherConsumer() throws JMSException {
        String sub = uniqueName();
        try (Connection c = startedConnection()) {
            Session clientAck = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Topic t = clientAck.createTopic(uniqueName());
            MessageConsumer first = clientAck.createSharedDurableConsumer(t, sub);
            Session other = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            publish(c, t, 1, "unacked ");
            receiveRequired(first);
            clientAck.close();
            MessageConsumer second = other.createSharedDurableConsumer(t, sub);
            Message m = receiveRequired(second);
            assertEquals("unacked 0", ((TextMessage) m).getText());
            assertTrue(m.getJMSRedelivered());
            second.close();
            other.unsubscribe(sub);
        }
    }
}
