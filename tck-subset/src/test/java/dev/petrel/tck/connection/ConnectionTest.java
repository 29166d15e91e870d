package dev.petrel.tck.connection;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §6.1: connection metadata, client identifier, start/stop, close. */
class ConnectionTest extends TckTest {

    @Test
    void metaDataReportsJakartaMessagingVersionThreeOne() throws JMSException {
        try (Connection c = cf.createConnection()) {
            ConnectionMetaData md = c.getMetaData();
            assertEquals(3, md.getJMSMajorVersion());
            assertEquals(1, md.getJMSMinorVersion());
            assertEquals("3.1", md.getJMSVersion());
        }
    }

    @Test
    void metaDataNamesTheProviderAndItsVersion() throws JMSException {
        try (Connection c = cf.createConnection()) {
            ConnectionMetaData md = c.getMetaData();
            assertNotNull(md.getJMSProviderName());
            assertNotNull(md.getProviderVersion());
            assertTrue(md.getProviderMajorVersion() >= 0);
            assertTrue(md.getProviderMinorVersion() >= 0);
        }
    }

    @Test
    void metaDataListsTheMandatoryJmsxProperties() throws JMSException {
        try (Connection c = cf.createConnection()) {
            List<Object> names = Collections.list(c.getMetaData().getJMSXPropertyNames());
            assertTrue(names.contains("JMSXGroupID"), "JMSXGroupID missing from " + names);
            assertTrue(names.contains("JMSXGroupSeq"), "JMSXGroupSeq missing from " + names);
            assertTrue(names.contains("JMSXDeliveryCount"), "JMSXDeliveryCount missing from " + names);
        }
    }

    @Test
    void clientIdSetImmediatelyAfterCreationIsReturnedByGetClientId() throws JMSException {
        String id = uniqueName();
        try (Connection c = cf.createConnection()) {
            c.setClientID(id);
            assertEquals(id, c.getClientID());
        }
    }

    @Test
    void settingClientIdAfterCreatingASessionThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            assertThrows(IllegalStateException.class, () -> c.setClientID(uniqueName()));
        }
    }

    @Test
    void settingClientIdAfterStartThrowsIllegalStateException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.start();
            assertThrows(IllegalStateException.class, () -> c.setClientID(uniqueName()));
        }
    }

    @Test
    void duplicateClientIdThrowsInvalidClientIdException() throws JMSException {
        String id = uniqueName();
        try (Connection first = cf.createConnection(); Connection second = cf.createConnection()) {
            first.setClientID(id);
            assertThrows(InvalidClientIDException.class, () -> second.setClientID(id));
        }
    }

    @Test
    void clientIdCanBeReusedAfterTheConnectionHoldingItCloses() throws JMSException {
        String id = uniqueName();
        try (Connection first = cf.createConnection()) {
            first.setClientID(id);
        }
        try (Connection second = cf.createConnection()) {
            assertDoesNotThrow(() -> second.setClientID(id));
        }
    }

    @Test
    void connectionIsCreatedStoppedAndDeliversNothingUntilStarted() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageConsumer consumer = s.createConsumer(q);
            s.createProducer(q).send(s.createTextMessage("hello"));
            assertNull(consumer.receive(ABSENCE_MS), "a stopped connection must not deliver");
            c.start();
            assertEquals("hello", receiveText(consumer));
        }
    }

    @Test
    void stoppedConnectionStopsDeliveryAndRestartResumesIt() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            MessageConsumer consumer = s.createConsumer(q);
            c.stop();
            s.createProducer(q).send(s.createTextMessage("while stopped"));
            assertNull(consumer.receive(ABSENCE_MS), "a stopped connection must not deliver");
            c.start();
            assertEquals("while stopped", receiveText(consumer));
        }
    }

    @Test
    void stoppedConnectionStillSendsMessages() throws JMSException {
        Queue q;
        try (Connection stopped = cf.createConnection()) {
            Session s = stopped.createSession(false, Session.AUTO_ACKNOWLEDGE);
            q = s.createQueue(uniqueName());
            s.createProducer(q).send(s.createTextMessage("sent while stopped"));
        }
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals("sent while stopped", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void startingAStartedConnectionAndStoppingAStoppedConnectionAreIgnored() throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.stop();
            c.stop();
            c.start();
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            s.createProducer(q).send(s.createTextMessage("x"));
            assertEquals("x", receiveText(s.createConsumer(q)));
        }
    }

    @Test
    void stopWaitsForARunningMessageListenerToReturn() throws Exception {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            CountDownLatch entered = new CountDownLatch(1);
            AtomicBoolean finished = new AtomicBoolean();
            s.createConsumer(q).setMessageListener(m -> {
                entered.countDown();
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.set(true);
            });
            Session ps = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            ps.createProducer(q).send(ps.createTextMessage("slow"));
            assertTrue(entered.await(TIMEOUT_MS, TimeUnit.MILLISECONDS));
            c.stop();
            assertTrue(finished.get(), "stop() returned while onMessage was still running");
        }
    }

    @Test
    void closingAClosedConnectionDoesNotThrow() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertDoesNotThrow(c::close);
    }

    @Test
    void closedConnectionRejectsCreateSessionWithIllegalStateException() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.createSession(false, Session.AUTO_ACKNOWLEDGE));
    }

    @Test
    void closedConnectionRejectsStartWithIllegalStateException() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertThrows(IllegalStateException.class, c::start);
    }

    @Test
    void closedConnectionRejectsStopWithIllegalStateException() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertThrows(IllegalStateException.class, c::stop);
    }

    @Test
    void closedConnectionRejectsGetClientIdWithIllegalStateException() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertThrows(IllegalStateException.class, c::getClientID);
    }

    @Test
    void closedConnectionRejectsSetClientIdWithIllegalStateException() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.setClientID(uniqueName()));
    }

    @Test
    void closedConnectionRejectsGetMetaDataWithIllegalStateException() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertThrows(IllegalStateException.class, c::getMetaData);
    }

    @Test
    void closedConnectionRejectsSetExceptionListenerWithIllegalStateException() throws JMSException {
        Connection c = cf.createConnection();
        c.close();
        assertThrows(IllegalStateException.class, () -> c.setExceptionListener(e -> { }));
    }

    @Test
    void closingAConnectionClosesItsSessions() throws JMSException {
        Connection c = cf.createConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        c.close();
        assertThrows(IllegalStateException.class, () -> s.createTextMessage("x"));
    }

    @Test
    void closingAConnectionClosesItsProducers() throws JMSException {
        Connection c = cf.createConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer p = s.createProducer(s.createQueue(uniqueName()));
        c.close();
        assertThrows(IllegalStateException.class, () -> p.send(s.createTextMessage("x")));
    }

    @Test
    void closingAConnectionClosesItsConsumers() throws JMSException {
        Connection c = cf.createConnection();
        Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = s.createConsumer(s.createQueue(uniqueName()));
        c.close();
        assertThrows(IllegalStateException.class, () -> consumer.receive(10));
    }

    @Test
    void acknowledgingAMessageAfterItsConnectionClosedThrowsIllegalStateException() throws JMSException {
        Message received;
        Connection c = startedConnection();
        try {
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            s.createProducer(q).send(s.createTextMessage("x"));
            received = receiveRequired(s.createConsumer(q));
        } finally {
            c.close();
        }
        assertThrows(IllegalStateException.class, received::acknowledge);
    }

    @Test
    void closingAConnectionMakesABlockedReceiveReturnNull() throws Exception {
        Connection c = startedConnection();
        try {
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
            awaitCondition("receiver thread to block", () -> receiver.getState() == Thread.State.TIMED_WAITING
                    || receiver.getState() == Thread.State.WAITING);
            c.close();
            assertTrue(returned.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "receive did not return after close");
            assertNull(result.get());
        } finally {
            c.close();
        }
    }

    @Test
    void exceptionListenerIsReturnedByGetExceptionListener() throws JMSException {
        try (Connection c = cf.createConnection()) {
            List<JMSException> seen = new ArrayList<>();
            ExceptionListener listener = seen::add;
            c.setExceptionListener(listener);
            assertSame(listener, c.getExceptionListener());
        }
    }

    @Test
    void exceptionListenerCanBeCleared() throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.setExceptionListener(e -> { });
            c.setExceptionListener(null);
            assertNull(c.getExceptionListener());
        }
    }
}
