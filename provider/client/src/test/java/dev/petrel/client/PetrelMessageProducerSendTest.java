package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PetrelMessageProducerSendTest {

    private final StubBroker broker = new StubBroker();

    /** A copy of the broker calls so far (the list is appended from other threads). */
    private List<String> calls() {
        return List.copyOf(broker.calls);
    }

    private Session session() throws JMSException {
        return StubConnections.open(broker).createSession();
    }

    @Test
    void sendStampsTheHeadersOnTheApplicationsMessage() throws JMSException {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        producer.setPriority(7);
        producer.setTimeToLive(60_000);
        TextMessage message = session.createTextMessage("hi");
        producer.send(message);
        assertEquals(new PetrelQueue("orders"), message.getJMSDestination());
        assertEquals(DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
        assertEquals(7, message.getJMSPriority());
        assertTrue(message.getJMSMessageID().startsWith("ID:"), message.getJMSMessageID());
        assertTrue(message.getJMSTimestamp() > 0);
        assertEquals(message.getJMSTimestamp() + 60_000, message.getJMSExpiration());
    }

    @Test
    void sendHandsTheBrokerASnapshotOfTheMessage() throws JMSException {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        TextMessage message = session.createTextMessage("first");
        producer.send(message);
        message.setText("changed later");
        assertEquals(DestinationRef.queue("orders"), broker.sent.get(0).destination());
        assertEquals("first", new String(broker.sent.get(0).body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void eachSendGetsANewMessageId() throws JMSException {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        Message message = session.createMessage();
        producer.send(message);
        String first = message.getJMSMessageID();
        producer.send(message);
        assertNotEquals(first, message.getJMSMessageID());
    }

    @Test
    void disabledMessageIdAndTimestampAreNullAndZero() throws JMSException {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        producer.setDisableMessageID(true);
        producer.setDisableMessageTimestamp(true);
        Message message = session.createMessage();
        producer.send(message);
        assertNull(message.getJMSMessageID());
        assertEquals(0, message.getJMSTimestamp());
    }

    @Test
    void deliveryDelaySetsTheDeliveryTime() throws JMSException {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        producer.setDeliveryDelay(5_000);
        Message message = session.createMessage();
        producer.send(message);
        assertEquals(message.getJMSTimestamp() + 5_000, message.getJMSDeliveryTime());
    }

    @Test
    void failedSynchronousSendThrowsTheBrokersException() throws JMSException {
        StubBroker failing = new StubBroker() {
            @Override
            public java.util.concurrent.CompletionStage<Void> send(long sessionId, dev.petrel.message.MessageData message) {
                return CompletableFuture.failedFuture(new InvalidDestinationException("queue 'orders' does not exist"));
            }
        };
        Session session = StubConnections.open(failing).createSession();
        MessageProducer producer = session.createProducer(null);
        org.junit.jupiter.api.Assertions.assertThrows(InvalidDestinationException.class,
                () -> producer.send(session.createQueue("orders"), session.createMessage()));
    }

    @Test
    void transactedSendsReturnBeforeTheBrokerAnswersAndTheCommitWaitsForThem() throws Exception {
        broker.holdSends = true;
        Session session = StubConnections.open(broker).createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        producer.send(session.createTextMessage("a"));
        producer.send(session.createTextMessage("b"));
        assertEquals(2, broker.pendingSends.size());
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> {
            try {
                session.commit();
            } catch (JMSException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        Thread.sleep(100);
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("commit")), "commit sent before the sends were answered");
        broker.pendingSends.forEach(pending -> pending.complete(null));
        commit.get();
        assertTrue(calls().stream().anyMatch(c -> c.startsWith("commit")), calls().toString());
    }

    @Test
    void aTransactedSendRefusedAfterItReturnedRollsTheCommitBackAndFailsLaterSends() throws Exception {
        broker.holdSends = true;
        Session session = StubConnections.open(broker).createSession(Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        producer.send(session.createTextMessage("a"));
        producer.send(session.createTextMessage("b"));
        broker.pendingSends.get(0).complete(null);
        broker.pendingSends.get(1).completeExceptionally(new InvalidDestinationException("queue 'orders' was deleted"));
        InvalidDestinationException later = org.junit.jupiter.api.Assertions.assertThrows(InvalidDestinationException.class,
                () -> producer.send(session.createTextMessage("c")));
        assertEquals("queue 'orders' was deleted", later.getMessage());
        jakarta.jms.TransactionRolledBackException rolledBack = org.junit.jupiter.api.Assertions.assertThrows(
                jakarta.jms.TransactionRolledBackException.class, session::commit);
        assertTrue(rolledBack.getMessage().contains("queue 'orders' was deleted"), rolledBack.getMessage());
        assertSame(later, rolledBack.getLinkedException());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("commit")), calls().toString());
        assertTrue(calls().stream().anyMatch(c -> c.startsWith("rollback")), calls().toString());

        broker.holdSends = false;
        producer.send(session.createTextMessage("d"));
        session.commit();
        assertTrue(calls().stream().anyMatch(c -> c.startsWith("commit")), "the next transaction commits");
    }

    @Test
    void asyncSendCallbacksRunInSendOrderWhenTheBrokerCompletesOutOfOrder() throws Exception {
        broker.holdSends = true;
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        List<String> completed = new CopyOnWriteArrayList<>();
        for (String text : List.of("a", "b", "c")) {
            producer.send(session.createTextMessage(text), new Recording(completed));
        }
        broker.pendingSends.get(2).complete(null);
        broker.pendingSends.get(1).complete(null);
        broker.pendingSends.get(0).complete(null);
        Polling.until(() -> completed.size() == 3, "three completions");
        assertEquals(List.of("a", "b", "c"), completed);
    }

    @Test
    void asyncSendCallbackRunsOnAClientThreadNotTheCaller() throws Exception {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        CompletableFuture<Thread> callbackThread = new CompletableFuture<>();
        producer.send(session.createMessage(), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                callbackThread.complete(Thread.currentThread());
            }

            @Override
            public void onException(Message message, Exception exception) {
                callbackThread.completeExceptionally(exception);
            }
        });
        assertNotEquals(Thread.currentThread(), callbackThread.get());
    }

    @Test
    void failedAsyncSendIsReportedToOnExceptionWithTheMessage() throws Exception {
        broker.holdSends = true;
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        Message message = session.createMessage();
        CompletableFuture<Exception> reported = new CompletableFuture<>();
        CompletableFuture<Message> reportedMessage = new CompletableFuture<>();
        producer.send(message, new CompletionListener() {
            @Override
            public void onCompletion(Message m) {
                reported.complete(null);
            }

            @Override
            public void onException(Message m, Exception exception) {
                reportedMessage.complete(m);
                reported.complete(exception);
            }
        });
        JMSException failure = new JMSException("disk full");
        broker.pendingSends.get(0).completeExceptionally(failure);
        assertSame(failure, reported.get());
        assertSame(message, reportedMessage.get());
    }

    @Test
    void closingTheSessionFromACompletionListenerThrowsIllegalStateException() throws Exception {
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        CompletableFuture<Exception> outcome = new CompletableFuture<>();
        producer.send(session.createMessage(), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    session.close();
                    outcome.complete(null);
                } catch (JMSException e) {
                    outcome.complete(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.complete(exception);
            }
        });
        assertInstanceOf(IllegalStateException.class, outcome.get());
    }

    @Test
    void sessionCloseWaitsForOutstandingAsyncSends() throws Exception {
        broker.holdSends = true;
        Session session = session();
        MessageProducer producer = session.createProducer(session.createQueue("orders"));
        List<String> completed = new CopyOnWriteArrayList<>();
        producer.send(session.createTextMessage("a"), new Recording(completed));
        CompletableFuture<Void> closed = CompletableFuture.runAsync(() -> {
            try {
                session.close();
            } catch (JMSException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        broker.pendingSends.get(0).complete(null);
        closed.get();
        assertEquals(List.of("a"), completed);
    }

    /** Records the text of each completed message. */
    private record Recording(List<String> completed) implements CompletionListener {
        @Override
        public void onCompletion(Message message) {
            try {
                completed.add(((TextMessage) message).getText());
            } catch (JMSException e) {
                completed.add("error " + e.getMessage());
            }
        }

        @Override
        public void onException(Message message, Exception exception) {
            completed.add("failed " + exception.getMessage());
        }
    }
}
