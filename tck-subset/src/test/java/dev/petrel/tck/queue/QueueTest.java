package dev.petrel.tck.queue;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §4.4 and §8: point-to-point delivery. */
class QueueTest extends TckTest {

    @Test
    void queueDeliversMessagesFromOneProducerInSendOrder() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                p.send(s.createTextMessage("m" + i));
                sent.add("m" + i);
            }
            assertEquals(sent, receiveTexts(s.createConsumer(q), 50));
        }
    }

    @Test
    void queueDeliversMessagesSentBeforeTheConsumerExisted() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            s.createProducer(q).send(s.createTextMessage("early"));
            assertEquals("early", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void eachMessageGoesToExactlyOneOfSeveralConsumers() throws Exception {
        try (Connection c = startedConnection()) {
            Session s1 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session s2 = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s1.createQueue(uniqueName());
            List<String> got1 = Collections.synchronizedList(new ArrayList<>());
            List<String> got2 = Collections.synchronizedList(new ArrayList<>());
            s1.createConsumer(q).setMessageListener(collectInto(got1));
            s2.createConsumer(q).setMessageListener(collectInto(got2));
            Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = ps.createProducer(q);
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 40; i++) {
                p.send(ps.createTextMessage("m" + i));
                sent.add("m" + i);
            }
            awaitCondition("40 messages across both consumers", () -> got1.size() + got2.size() >= 40);
            List<String> all = new ArrayList<>(got1);
            all.addAll(got2);
            assertEquals(40, all.size(), "a message was delivered to more than one consumer");
            assertEquals(sent, new HashSet<>(all));
        }
    }

    @Test
    void receiveNoWaitReturnsNullOnAnEmptyQueue() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNull(s.createConsumer(s.createQueue(uniqueName())).receiveNoWait());
        }
    }

    @Test
    void receiveNoWaitReturnsAnAvailableMessage() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageConsumer consumer = s.createConsumer(q);
            s.createProducer(q).send(s.createTextMessage("ready"));
            AtomicReference<Message> got = new AtomicReference<>();
            awaitCondition("receiveNoWait to return the message", () -> {
                try {
                    got.set(consumer.receiveNoWait());
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
                return got.get() != null;
            });
            assertEquals("ready", ((TextMessage) got.get()).getText());
        }
    }

    @Test
    void receiveWithATimeoutReturnsNullWhenTheQueueStaysEmpty() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNull(s.createConsumer(s.createQueue(uniqueName())).receive(200));
        }
    }

    @Test
    void blockingReceiveReturnsAMessageSentByAnotherThread() throws Exception {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageConsumer consumer = s.createConsumer(q);
            Thread sender = new Thread(() -> {
                try (Connection other = cf.createConnection()) {
                    Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    os.createProducer(q).send(os.createTextMessage("from another thread"));
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            }, "sender");
            sender.start();
            Message m = consumer.receive();
            sender.join(TIMEOUT_MS);
            assertEquals("from another thread", ((TextMessage) m).getText());
        }
    }

    @Test
    void messageListenerReceivesMessagesInOrder() throws Exception {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            List<String> got = Collections.synchronizedList(new ArrayList<>());
            s.createConsumer(q).setMessageListener(collectInto(got));
            Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = ps.createProducer(q);
            for (int i = 0; i < 20; i++) {
                p.send(ps.createTextMessage("m" + i));
            }
            awaitCondition("20 messages", () -> got.size() >= 20);
            for (int i = 0; i < 20; i++) {
                assertEquals("m" + i, got.get(i));
            }
        }
    }

    @Test
    void messageListenerReceivesMessagesThatWereWaitingWhenItWasSet() throws Exception {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            s.createProducer(q).send(s.createTextMessage("waiting"));
            CountDownLatch latch = new CountDownLatch(1);
            AtomicReference<String> got = new AtomicReference<>();
            Session ls = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ls.createConsumer(q).setMessageListener(m -> {
                try {
                    got.set(((TextMessage) m).getText());
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
                latch.countDown();
            });
            assertTrue(latch.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            assertEquals("waiting", got.get());
        }
    }

    @Test
    void getMessageListenerReturnsTheListenerThatWasSet() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(uniqueName()));
            assertNull(consumer.getMessageListener());
            MessageListener l = m -> { };
            consumer.setMessageListener(l);
            assertSame(l, consumer.getMessageListener());
        }
    }

    @Test
    void consumerWithoutSelectorReportsANullSelector() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNull(s.createConsumer(s.createQueue(uniqueName())).getMessageSelector());
        }
    }

    @Test
    void messageNotSelectedByOneConsumerStaysForAnother() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageConsumer red = s.createConsumer(q, "color = 'red'");
            MessageProducer p = s.createProducer(q);
            Message blue = s.createTextMessage("blue");
            blue.setStringProperty("color", "blue");
            Message redMsg = s.createTextMessage("red");
            redMsg.setStringProperty("color", "red");
            p.send(blue);
            p.send(redMsg);
            assertEquals("red", receiveText(red));
            red.close();
            assertEquals("blue", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void messageSurvivesAConsumerThatClosesWithoutAcknowledgingIt() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            s.createProducer(q).send(s.createTextMessage("survivor"));
            MessageConsumer first = s.createConsumer(q);
            receiveRequired(first);
            first.close();
            s.recover();
            Session other = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals("survivor", receiveText(other.createConsumer(q)));
        }
    }

    @Test
    void prefetchedButUnreceivedMessagesGoToTheNextConsumerWhenAConsumerCloses() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 10; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            MessageConsumer first = s.createConsumer(q);
            assertEquals("m0", receiveText(first));
            first.close();
            List<String> rest = receiveTexts(s.createConsumer(q), 9);
            assertEquals(Set.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9"), new HashSet<>(rest));
        }
    }

    @Test
    void messagesFromTwoConnectionsAreBothDelivered() throws JMSException {
        try (Connection c1 = startedConnection(); Connection c2 = cf.createConnection()) {
            Session s1 = c1.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Session s2 = c2.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s1.createQueue(uniqueName());
            s2.createProducer(q).send(s2.createTextMessage("from c2"));
            s1.createProducer(q).send(s1.createTextMessage("from c1"));
            assertEquals(Set.of("from c1", "from c2"), new HashSet<>(receiveTexts(s1.createConsumer(q), 2)));
        }
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

    @Test
    void closingAConsumerMakesItsBlockedReceiveReturnNull() throws Exception {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(uniqueName()));
            AtomicReference<Object> result = new AtomicReference<>("not returned");
            CountDownLatch returned = new CountDownLatch(1);
            Thread receiver = new Thread(() -> {
                try {
                    result.set(consumer.receive(30_000));
                } catch (JMSException e) {
                    result.set(e);
                } finally {
                    returned.countDown();
                }
            }, "blocked-receiver");
            receiver.start();
            awaitCondition("the receiver to block", () -> receiver.getState() == Thread.State.TIMED_WAITING
                    || receiver.getState() == Thread.State.WAITING);
            consumer.close();
            assertTrue(returned.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "receive did not return after close");
            assertNull(result.get());
        }
    }

    @Test
    void aThousandMessagesArriveComplete() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            for (int i = 0; i < 1000; i++) {
                p.send(s.createTextMessage("m" + i));
            }
            MessageConsumer consumer = s.createConsumer(q);
            for (int i = 0; i < 1000; i++) {
                assertEquals("m" + i, receiveText(consumer));
            }
        }
    }
}
