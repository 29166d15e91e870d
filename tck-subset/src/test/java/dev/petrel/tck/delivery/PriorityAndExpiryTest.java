package dev.petrel.tck.delivery;

import dev.petrel.tck.TckBroker;
import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jakarta Messaging 3.1 §3.4.10 and §7.8: priority ("a provider should do its best to deliver
 * expedited messages ahead of normal ones") and message expiry. Expired messages go to the
 * broker's expiry queue {@value TckBroker#EXPIRY_QUEUE} (Petrel policy, configured by the fixture).
 */
class PriorityAndExpiryTest extends TckTest {

    private static final long TTL_MS = 200;

    @Test
    void highestPriorityMessageOfABacklogIsDeliveredFirst() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("low"), DeliveryMode.NON_PERSISTENT, 1, 0);
            p.send(s.createTextMessage("normal"), DeliveryMode.NON_PERSISTENT, 4, 0);
            p.send(s.createTextMessage("high"), DeliveryMode.NON_PERSISTENT, 9, 0);
            MessageConsumer consumer = s.createConsumer(q);
            c.start();
            assertEquals("high", receiveText(consumer));
        }
    }

    @Test
    void backlogIsDeliveredInDescendingPriorityOrder() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            for (int priority = 0; priority <= 9; priority++) {
                p.send(s.createTextMessage("p" + priority), DeliveryMode.PERSISTENT, priority, 0);
            }
            MessageConsumer consumer = s.createConsumer(q);
            c.start();
            List<Integer> priorities = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                priorities.add(receiveRequired(consumer).getJMSPriority());
            }
            assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), priorities);
        }
    }

    @Test
    void messagesOfEqualPriorityKeepTheirSendOrder() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            p.send(s.createTextMessage("h1"), DeliveryMode.NON_PERSISTENT, 8, 0);
            p.send(s.createTextMessage("l1"), DeliveryMode.NON_PERSISTENT, 2, 0);
            p.send(s.createTextMessage("h2"), DeliveryMode.NON_PERSISTENT, 8, 0);
            p.send(s.createTextMessage("l2"), DeliveryMode.NON_PERSISTENT, 2, 0);
            MessageConsumer consumer = s.createConsumer(q);
            c.start();
            List<String> texts = receiveTexts(consumer, 4);
            assertTrue(texts.indexOf("h1") < texts.indexOf("h2"), "equal-priority order broken: " + texts);
            assertTrue(texts.indexOf("l1") < texts.indexOf("l2"), "equal-priority order broken: " + texts);
        }
    }

    @Test
    void timeToLiveSetsTheExpirationOfTheSentMessage() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            Message m = s.createTextMessage("ttl");
            long before = System.currentTimeMillis();
            p.send(m, DeliveryMode.PERSISTENT, 4, 30_000);
            long after = System.currentTimeMillis();
            assertTrue(m.getJMSExpiration() >= before + 30_000 && m.getJMSExpiration() <= after + 30_000,
                    "JMSExpiration " + m.getJMSExpiration() + " is not send time + 30000");
            assertEquals(m.getJMSExpiration(), receiveRequired(s.createConsumer(q)).getJMSExpiration());
        }
    }

    @Test
    void unexpiredMessageWithATimeToLiveIsDelivered() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            p.setTimeToLive(60_000);
            p.send(s.createTextMessage("fresh"));
            assertEquals("fresh", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void expiredMessageIsNotDelivered() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            Message doomed = s.createTextMessage("expired");
            p.send(doomed, DeliveryMode.PERSISTENT, 4, TTL_MS);
            awaitClockPast(doomed.getJMSExpiration());
            p.send(s.createTextMessage("marker"), DeliveryMode.PERSISTENT, 4, 0);
            assertEquals("marker", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void expiredNonPersistentMessageIsNotDelivered() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            Message doomed = s.createTextMessage("expired");
            p.send(doomed, DeliveryMode.NON_PERSISTENT, 4, TTL_MS);
            awaitClockPast(doomed.getJMSExpiration());
            p.send(s.createTextMessage("marker"), DeliveryMode.NON_PERSISTENT, 4, 0);
            assertEquals("marker", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void expiredMessageIsNotDeliveredToADurableSubscriberThatWasInactive() throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.setClientID(uniqueName());
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            String sub = uniqueName();
            s.createDurableConsumer(t, sub).close();
            MessageProducer p = s.createProducer(t);
            Message doomed = s.createTextMessage("expired");
            p.send(doomed, DeliveryMode.PERSISTENT, 4, TTL_MS);
            awaitClockPast(doomed.getJMSExpiration());
            p.send(s.createTextMessage("marker"));
            MessageConsumer again = s.createDurableConsumer(t, sub);
            assertEquals("marker", receiveText(again));
            again.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void expiredMessageIsMovedToTheExpiryQueue() throws JMSException {
        String tag = uniqueName();
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            TextMessage doomed = s.createTextMessage("expired");
            doomed.setStringProperty("tag", tag);
            p.send(doomed, DeliveryMode.PERSISTENT, 4, TTL_MS);
            awaitClockPast(doomed.getJMSExpiration());
            p.send(s.createTextMessage("marker"), DeliveryMode.PERSISTENT, 4, 0);
            assertEquals("marker", receiveText(s.createConsumer(q)));
            MessageConsumer expiry = s.createConsumer(s.createQueue(TckBroker.EXPIRY_QUEUE), "tag = '" + tag + "'");
            Message moved = expiry.receive(TIMEOUT_MS);
            assertNotNull(moved, "the expired message is not in " + TckBroker.EXPIRY_QUEUE);
            assertEquals("expired", ((TextMessage) moved).getText());
        }
    }
}
