package dev.petrel.tck.delivery;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import dev.petrel.tck.TckTest;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §7.3: asynchronous send with a CompletionListener. */
class AsyncSendTest extends TckTest {

    /** Records callbacks; thread-safe. */
    static final class Recorder implements CompletionListener {
        final List<Message> completed = Collections.synchronizedList(new ArrayList<>());
        final List<Exception> failed = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();
        final CountDownLatch firstCall = new CountDownLatch(1);

        @Override
        public void onCompletion(Message message) {
            completed.add(message);
            calls.incrementAndGet();
            firstCall.countDown();
        }

        @Override
        public void onException(Message message, Exception exception) {
            failed.add(exception);
            calls.incrementAndGet();
            firstCall.countDown();
        }

        void awaitFirstCall() throws InterruptedException {
            assertTrue(firstCall.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "the CompletionListener was not called");
        }
    }

    @Test
    void completionListenerIsCalledWithTheSentMessage() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            Recorder r = new Recorder();
            TextMessage m = s.createTextMessage("async");
            p.send(m, r);
            r.awaitFirstCall();
            assertEquals(1, r.completed.size());
            assertEquals("async", ((TextMessage) r.completed.get(0)).getText());
            assertTrue(r.failed.isEmpty(), "onException was called: " + r.failed);
        }
    }

    @Test
    void completionListenerIsCalledExactlyOnce() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            Recorder first = new Recorder();
            p.send(s.createTextMessage("one"), first);
            first.awaitFirstCall();
            Recorder second = new Recorder();
            p.send(s.createTextMessage("two"), second);
            second.awaitFirstCall();
            p.send(s.createTextMessage("three"));
            assertEquals(1, first.calls.get());
            assertEquals(1, second.calls.get());
        }
    }

    @Test
    void asynchronouslySentMessageIsDelivered() throws Exception {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            Recorder r = new Recorder();
            s.createProducer(q).send(s.createTextMessage("delivered"), r);
            r.awaitFirstCall();
            assertEquals("delivered", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void completedMessageHasAMessageIdAndTimestamp() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            Recorder r = new Recorder();
            p.send(s.createTextMessage("ids"), r);
            r.awaitFirstCall();
            Message m = r.completed.get(0);
            assertNotNull(m.getJMSMessageID());
            assertTrue(m.getJMSMessageID().startsWith("ID:"));
            assertTrue(m.getJMSTimestamp() > 0);
        }
    }

    @Test
    void completionCallbacksArriveInSendOrder() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            List<String> order = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch all = new CountDownLatch(20);
            CompletionListener l = new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    try {
                        order.add(((TextMessage) message).getText());
                    } catch (JMSException e) {
                        order.add("error: " + e);
                    }
                    all.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    order.add("failed: " + exception);
                    all.countDown();
                }
            };
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                p.send(s.createTextMessage("m" + i), l);
                expected.add("m" + i);
            }
            assertTrue(all.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            assertEquals(expected, order);
        }
    }

    @Test
    void asyncAndSyncSendsFromOneProducerKeepTheirOrder() throws Exception {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageProducer p = s.createProducer(q);
            Recorder r = new Recorder();
            p.send(s.createTextMessage("async first"), r);
            p.send(s.createTextMessage("sync second"));
            r.awaitFirstCall();
            assertEquals(List.of("async first", "sync second"), receiveTexts(s.createConsumer(q), 2));
        }
    }

    @Test
    void nullCompletionListenerThrowsIllegalArgumentException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            assertThrows(IllegalArgumentException.class, () -> p.send(s.createTextMessage("x"), null));
        }
    }

    @Test
    void closingTheProducerFromItsOwnCompletionListenerThrowsIllegalStateException() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            AtomicReference<Exception> thrown = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            p.send(s.createTextMessage("x"), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    try {
                        p.close();
                    } catch (Exception e) {
                        thrown.set(e);
                    }
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    done.countDown();
                }
            });
            assertTrue(done.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            assertTrue(thrown.get() instanceof IllegalStateException, "close() in onCompletion threw " + thrown.get());
        }
    }

    @Test
    void closingTheSessionWaitsForOutstandingCompletionCallbacks() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            Recorder r = new Recorder();
            for (int i = 0; i < 10; i++) {
                p.send(s.createTextMessage("m" + i), r);
            }
            s.close();
            assertEquals(10, r.calls.get(), "session.close() returned before every callback ran");
        }
    }

    @Test
    void asyncSendToADeletedTemporaryQueueReportsOnExceptionOrThrows() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue tq = s.createTemporaryQueue();
            tq.delete();
            MessageProducer p = s.createProducer(null);
            Recorder r = new Recorder();
            try {
                p.send(tq, s.createTextMessage("nowhere"), r);
            } catch (JMSException rejectedAtOnce) {
                assertEquals(0, r.calls.get(), "the send threw and also called the listener");
                return;
            }
            r.awaitFirstCall();
            assertEquals(1, r.failed.size(), "expected onException, got onCompletion");
            assertTrue(r.completed.isEmpty());
        }
    }

    @Test
    void completionListenerIsNotCalledOnTheSendingThread() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
            AtomicReference<Thread> callbackThread = new AtomicReference<>();
            CountDownLatch done = new CountDownLatch(1);
            p.send(s.createTextMessage("x"), new CompletionListener() {
                @Override
                public void onCompletion(Message message) {
                    callbackThread.set(Thread.currentThread());
                    done.countDown();
                }

                @Override
                public void onException(Message message, Exception exception) {
                    callbackThread.set(Thread.currentThread());
                    done.countDown();
                }
            });
            assertTrue(done.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            assertNotSame(Thread.currentThread(), callbackThread.get());
        }
    }

    @Test
    void commitWaitsForOutstandingCompletionCallbacks() throws Exception {
        try (Connection c = cf.createConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(uniqueName()));
            Recorder r = new Recorder();
            for (int i = 0; i < 10; i++) {
                p.send(tx.createTextMessage("m" + i), r);
            }
            tx.commit();
            assertEquals(10, r.calls.get(), "commit() returned before every callback ran");
        }
    }
}
