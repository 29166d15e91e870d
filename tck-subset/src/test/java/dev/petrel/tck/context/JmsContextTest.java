package dev.petrel.tck.context;

import dev.petrel.tck.TckTest;
import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §2.8 and §12: the simplified API, JMSContext and JMSConsumer. */
class JmsContextTest extends TckTest {

    @Test
    void sendStringAndReceiveBodyRoundTrip() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "simple");
            assertEquals("simple", ctx.createConsumer(q).receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void sendMapArrivesAsAMapMessage() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, Map.<String, Object>of("k", "v", "n", 3));
            Message m = ctx.createConsumer(q).receive(TIMEOUT_MS);
            assertTrue(m instanceof MapMessage, "got " + m);
            assertEquals("v", ((MapMessage) m).getString("k"));
            assertEquals(3, ((MapMessage) m).getInt("n"));
        }
    }

    @Test
    void sendBytesArrivesAsABytesMessage() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, new byte[] {1, 2, 3});
            Message m = ctx.createConsumer(q).receive(TIMEOUT_MS);
            assertTrue(m instanceof BytesMessage, "got " + m);
            assertArrayEquals(new byte[] {1, 2, 3}, m.getBody(byte[].class));
        }
    }

    @Test
    void sendSerializableArrivesAsAnObjectMessage() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ArrayList<String> payload = new ArrayList<>(List.of("x", "y"));
            ctx.createProducer().send(q, payload);
            Message m = ctx.createConsumer(q).receive(TIMEOUT_MS);
            assertTrue(m instanceof ObjectMessage, "got " + m);
            assertEquals(payload, ((ObjectMessage) m).getObject());
        }
    }

    @Test
    void sendStringArrivesAsATextMessage() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "text");
            Message m = ctx.createConsumer(q).receive(TIMEOUT_MS);
            assertTrue(m instanceof TextMessage, "got " + m);
        }
    }

    @Test
    void receiveBodyOfAMapMessageReturnsAMap() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, Map.<String, Object>of("k", "v"));
            assertEquals(Map.of("k", "v"), ctx.createConsumer(q).receiveBody(Map.class, TIMEOUT_MS));
        }
    }

    @Test
    void receiveBodyReturnsNullWhenNoMessageArrives() {
        try (JMSContext ctx = cf.createContext()) {
            assertNull(ctx.createConsumer(ctx.createQueue(uniqueName())).receiveBody(String.class, 100));
        }
    }

    @Test
    void receiveBodyNoWaitReturnsNullOnAnEmptyQueue() {
        try (JMSContext ctx = cf.createContext()) {
            assertNull(ctx.createConsumer(ctx.createQueue(uniqueName())).receiveBodyNoWait(String.class));
        }
    }

    @Test
    void receiveNoWaitReturnsNullOnAnEmptyQueue() {
        try (JMSContext ctx = cf.createContext()) {
            assertNull(ctx.createConsumer(ctx.createQueue(uniqueName())).receiveNoWait());
        }
    }

    @Test
    void defaultContextIsAutoAcknowledgeAndAutoStart() {
        try (JMSContext ctx = cf.createContext()) {
            assertEquals(JMSContext.AUTO_ACKNOWLEDGE, ctx.getSessionMode());
            assertFalse(ctx.getTransacted());
            assertTrue(ctx.getAutoStart());
        }
    }

    @Test
    void createContextWithASessionModeReportsIt() {
        try (JMSContext client = cf.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
             JMSContext dups = cf.createContext(JMSContext.DUPS_OK_ACKNOWLEDGE);
             JMSContext tx = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
            assertEquals(JMSContext.CLIENT_ACKNOWLEDGE, client.getSessionMode());
            assertEquals(JMSContext.DUPS_OK_ACKNOWLEDGE, dups.getSessionMode());
            assertEquals(JMSContext.SESSION_TRANSACTED, tx.getSessionMode());
            assertTrue(tx.getTransacted());
        }
    }

    @Test
    void contextStartsItsConnectionWhenAConsumerIsCreated() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "auto started");
            assertEquals("auto started", ctx.createConsumer(q).receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void contextWithAutoStartOffDeliversNothingUntilStarted() {
        try (JMSContext ctx = cf.createContext()) {
            ctx.setAutoStart(false);
            assertFalse(ctx.getAutoStart());
            Queue q = ctx.createQueue(uniqueName());
            JMSConsumer consumer = ctx.createConsumer(q);
            ctx.createProducer().send(q, "held");
            assertNull(consumer.receive(ABSENCE_MS), "delivered before start()");
            ctx.start();
            assertEquals("held", consumer.receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void stoppedContextDeliversNothingUntilRestarted() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            JMSConsumer consumer = ctx.createConsumer(q);
            ctx.stop();
            ctx.createProducer().send(q, "while stopped");
            assertNull(consumer.receive(ABSENCE_MS), "delivered while stopped");
            ctx.start();
            assertEquals("while stopped", consumer.receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void contextCreatedFromAContextSharesTheConnectionButNotTheSession() {
        try (JMSContext ctx = cf.createContext()) {
            JMSContext sibling = ctx.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
            assertEquals(JMSContext.CLIENT_ACKNOWLEDGE, sibling.getSessionMode());
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "to sibling");
            assertEquals("to sibling", sibling.createConsumer(q).receiveBody(String.class, TIMEOUT_MS));
            sibling.acknowledge();
            sibling.close();
            ctx.createProducer().send(q, "still open");
            assertEquals("still open", ctx.createConsumer(q).receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void transactedContextCommitsAndRollsBackSends() {
        try (JMSContext tx = cf.createContext(JMSContext.SESSION_TRANSACTED);
             JMSContext reader = cf.createContext()) {
            Queue q = tx.createQueue(uniqueName());
            tx.createProducer().send(q, "rolled back");
            tx.rollback();
            tx.createProducer().send(q, "committed");
            tx.commit();
            assertEquals("committed", reader.createConsumer(q).receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void transactedContextRollbackRedeliversReceives() throws JMSException {
        try (JMSContext tx = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue q = tx.createQueue(uniqueName());
            tx.createProducer().send(q, "again");
            tx.commit();
            JMSConsumer consumer = tx.createConsumer(q);
            assertEquals("again", consumer.receiveBody(String.class, TIMEOUT_MS));
            tx.rollback();
            Message m = consumer.receive(TIMEOUT_MS);
            assertNotNull(m);
            assertTrue(m.getJMSRedelivered());
            tx.commit();
        }
    }

    @Test
    void clientAcknowledgeContextRedeliversUnacknowledgedMessagesAfterRecover() throws JMSException {
        try (JMSContext ctx = cf.createContext(JMSContext.CLIENT_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "unacked");
            JMSConsumer consumer = ctx.createConsumer(q);
            assertNotNull(consumer.receive(TIMEOUT_MS));
            ctx.recover();
            Message m = consumer.receive(TIMEOUT_MS);
            assertNotNull(m);
            assertTrue(m.getJMSRedelivered());
            ctx.acknowledge();
        }
    }

    @Test
    void contextTopicSubscribersEachGetTheMessage() {
        try (JMSContext ctx = cf.createContext()) {
            Topic t = ctx.createTopic(uniqueName());
            JMSConsumer a = ctx.createConsumer(t);
            JMSConsumer b = ctx.createConsumer(t);
            ctx.createProducer().send(t, "fan out");
            assertEquals("fan out", a.receiveBody(String.class, TIMEOUT_MS));
            assertEquals("fan out", b.receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void contextSharedDurableConsumerKeepsMessagesAndUnsubscribeRemovesIt() {
        String sub = uniqueName();
        try (JMSContext ctx = cf.createContext()) {
            Topic t = ctx.createTopic(uniqueName());
            ctx.createSharedDurableConsumer(t, sub).close();
            ctx.createProducer().send(t, "kept");
            JMSConsumer again = ctx.createSharedDurableConsumer(t, sub);
            assertEquals("kept", again.receiveBody(String.class, TIMEOUT_MS));
            again.close();
            ctx.unsubscribe(sub);
        }
    }

    @Test
    void contextTemporaryQueueCarriesMessages() {
        try (JMSContext ctx = cf.createContext()) {
            TemporaryQueue tq = ctx.createTemporaryQueue();
            ctx.createProducer().send(tq, "temp");
            assertEquals("temp", ctx.createConsumer(tq).receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void contextBrowserSeesMessagesWithoutConsumingThem() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "browse me");
            QueueBrowser browser = ctx.createBrowser(q);
            List<?> seen = Collections.list(browser.getEnumeration());
            assertEquals(1, seen.size());
            assertEquals("browse me", ctx.createConsumer(q).receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void contextMessageListenerReceivesMessages() throws Exception {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            CountDownLatch got = new CountDownLatch(1);
            ctx.createConsumer(q).setMessageListener(m -> got.countDown());
            try (JMSContext sender = cf.createContext()) {
                sender.createProducer().send(q, "to listener");
            }
            assertTrue(got.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void asyncSendThroughJmsProducerCallsTheCompletionListener() throws Exception {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            CountDownLatch done = new CountDownLatch(1);
            List<Message> completed = Collections.synchronizedList(new ArrayList<>());
            ctx.createProducer().setAsync(new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    completed.add(message);
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    done.countDown();
                }
            }).send(q, "async");
            assertTrue(done.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            assertEquals(1, completed.size());
            assertEquals("async", ctx.createConsumer(q).receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void contextMetaDataReportsVersionThreeOne() throws JMSException {
        try (JMSContext ctx = cf.createContext()) {
            assertEquals(3, ctx.getMetaData().getJMSMajorVersion());
            assertEquals(1, ctx.getMetaData().getJMSMinorVersion());
        }
    }
}
