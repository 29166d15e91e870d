package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AUTO_ACKNOWLEDGE and DUPS_OK acknowledgements are started without waiting and awaited before the
 * session hands out the next message, and before close and recover: over the stub broker, whose
 * acknowledgements stay pending until the test completes them.
 */
@Timeout(60)
class PipelinedAcknowledgementTest {

    private final StubBroker broker = new StubBroker();
    private final DestinationRef orders = DestinationRef.queue("orders");
    private PetrelConnection connection;
    private PetrelSession session;
    private PetrelMessageConsumer consumer;

    private void open(int mode) throws JMSException {
        broker.holdAcks = true;
        connection = StubConnections.open(broker);
        session = (PetrelSession) connection.createSession(mode);
        consumer = (PetrelMessageConsumer) session.createConsumer(session.createQueue("orders"));
        connection.start();
    }

    @AfterEach
    void releaseAndClose() throws JMSException {
        broker.holdAcks = false;
        broker.pendingAcks.forEach(f -> f.complete(null));
        if (connection != null) {
            connection.close();
        }
    }

    private CompletableFuture<Void> pendingAck(int index) throws InterruptedException {
        Polling.until(() -> broker.pendingAcks.size() > index, "acknowledgement " + (index + 1) + " to be started");
        return broker.pendingAcks.get(index);
    }

    /** Waits until {@code thread} is blocked waiting for the session's acknowledgements. */
    private static void awaitBlocked(Thread thread) throws InterruptedException {
        Polling.until(() -> thread.getState() == Thread.State.WAITING && java.util.Arrays.stream(thread.getStackTrace())
                        .anyMatch(f -> f.getClassName().equals(SessionAcknowledgements.class.getName())
                                && f.getMethodName().equals("awaitAcknowledged")),
                thread.getName() + " to wait for the pending acknowledgement");
    }

    /** Starts {@code consumer.receive(1000)} on a thread of its own and returns once that thread waits for an acknowledgement. */
    private CompletableFuture<Message> receiveOnAnotherThreadOnceItWaits() throws InterruptedException {
        CompletableFuture<Message> next = new CompletableFuture<>();
        Thread receiver = new Thread(() -> {
            try {
                next.complete(consumer.receive(1000));
            } catch (JMSException | RuntimeException e) {
                next.completeExceptionally(e);
            }
        }, "receiver");
        receiver.start();
        awaitBlocked(receiver);
        return next;
    }

    @Test
    void autoAcknowledgeReceiveReturnsBeforeTheAcknowledgementOfItsMessageCompleted() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        long id = broker.deliverText(consumer.id(), orders, "a");

        assertEquals("a", ((TextMessage) consumer.receive(1000)).getText());

        assertFalse(pendingAck(0).isDone());
        assertEquals(List.of("acknowledge " + session.id() + " [" + id + "]"), broker.callsStartingWith("acknowledge"));
    }

    @Test
    void autoAcknowledgeReceiveOfTheNextMessageWaitsUntilThePreviousAcknowledgementCompleted() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        broker.deliverText(consumer.id(), orders, "a");
        broker.deliverText(consumer.id(), orders, "b");
        consumer.receive(1000);
        CompletableFuture<Message> next = receiveOnAnotherThreadOnceItWaits();

        assertFalse(next.isDone(), "the second message must not be handed out while the first one's acknowledgement is pending");
        pendingAck(0).complete(null);
        assertEquals("b", ((TextMessage) next.get(10, TimeUnit.SECONDS)).getText());
    }

    @Test
    void failedAutoAcknowledgementIsThrownByTheNextReceive() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        broker.deliverText(consumer.id(), orders, "a");
        broker.deliverText(consumer.id(), orders, "b");
        consumer.receive(1000);
        JMSException storeFailure = new JMSException("the store could not make the work durable: disk full");
        pendingAck(0).completeExceptionally(storeFailure);

        JMSException thrown = assertThrows(JMSException.class, () -> consumer.receive(1000));

        assertSame(storeFailure, thrown);
    }

    @Test
    void messageHeldBackByAFailedAcknowledgementIsReceivedByTheFollowingReceive() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        broker.deliverText(consumer.id(), orders, "a");
        broker.deliverText(consumer.id(), orders, "b");
        consumer.receive(1000);
        pendingAck(0).completeExceptionally(new JMSException("the store could not make the work durable: disk full"));
        assertThrows(JMSException.class, () -> consumer.receive(1000));

        assertEquals("b", ((TextMessage) consumer.receive(1000)).getText());
    }

    @Test
    void sessionCloseWaitsForThePendingAcknowledgementBeforeClosingAtTheBroker() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        broker.deliverText(consumer.id(), orders, "a");
        consumer.receive(1000);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        Thread closer = new Thread(() -> {
            try {
                session.close();
                closed.complete(null);
            } catch (JMSException | RuntimeException e) {
                closed.completeExceptionally(e);
            }
        }, "closer");
        closer.start();
        awaitBlocked(closer);

        assertEquals(List.of(), broker.callsStartingWith("closeSession"));
        pendingAck(0).complete(null);
        closed.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("closeSession " + session.id() + " seen=[]"), broker.callsStartingWith("closeSession"));
    }

    @Test
    void sessionCloseThrowsAFailedAcknowledgementAfterClosing() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        broker.deliverText(consumer.id(), orders, "a");
        consumer.receive(1000);
        JMSException lost = new JMSException("connection to the broker lost");
        pendingAck(0).completeExceptionally(lost);

        assertSame(lost, assertThrows(JMSException.class, session::close));
        assertTrue(session.isClosed());
    }

    @Test
    void recoverThrowsAFailedAcknowledgementOfTheLastConsumedMessage() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        broker.deliverText(consumer.id(), orders, "a");
        consumer.receive(1000);
        JMSException storeFailure = new JMSException("the store could not make the work durable: disk full");
        pendingAck(0).completeExceptionally(storeFailure);

        assertSame(storeFailure, assertThrows(JMSException.class, session::recover));
    }

    @Test
    void listenerGetsTheNextMessageOnlyAfterThePreviousAcknowledgementCompleted() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        consumer.setMessageListener(listenerInto(received));
        broker.deliverText(consumer.id(), orders, "a");
        broker.deliverText(consumer.id(), orders, "b");
        assertEquals("a", received.poll(10, TimeUnit.SECONDS));
        CompletableFuture<Void> firstAck = pendingAck(0);

        Polling.until(() -> deliveryThread() != null, "the session's delivery thread");
        awaitBlocked(deliveryThread());
        assertTrue(received.isEmpty(), "the listener must not get the second message while the first one's acknowledgement is pending");
        firstAck.complete(null);
        assertEquals("b", received.poll(10, TimeUnit.SECONDS));
        pendingAck(1);
    }

    @Test
    void dupsOkReceiveHandsOutTheNextMessageWhileEarlierAcknowledgementsArePending() throws Exception {
        open(Session.DUPS_OK_ACKNOWLEDGE);
        broker.deliverText(consumer.id(), orders, "a");
        broker.deliverText(consumer.id(), orders, "b");
        consumer.receive(1000);

        assertEquals("b", ((TextMessage) consumer.receive(1000)).getText());
        assertEquals(2, broker.pendingAcks.size());
    }

    private long deliverNonPersistent(String text) {
        return broker.deliver(consumer.id(), new dev.petrel.message.MessageData("ID:np-" + text, 0, null, null, null,
                orders, jakarta.jms.DeliveryMode.NON_PERSISTENT, 4, 0, 0, null, null, dev.petrel.message.BodyType.TEXT,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 1, false);
    }

    @Test
    void autoAcknowledgeHandsOutTheNextMessageWhileOnlyNonPersistentAcknowledgementsArePending() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        deliverNonPersistent("a");
        deliverNonPersistent("b");
        consumer.receive(1000);

        assertEquals("b", ((TextMessage) consumer.receive(1000)).getText());
        assertEquals(2, broker.pendingAcks.size());
    }

    @Test
    void autoAcknowledgeWaitsForEveryPendingAcknowledgementOnceAPersistentMessageWasConsumed() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        deliverNonPersistent("a");
        broker.deliverText(consumer.id(), orders, "b");
        broker.deliverText(consumer.id(), orders, "c");
        consumer.receive(1000);
        consumer.receive(1000);
        CompletableFuture<Message> next = receiveOnAnotherThreadOnceItWaits();

        assertFalse(next.isDone(), "c must wait for the acknowledgement of the persistent b");
        pendingAck(0).complete(null);
        pendingAck(1).complete(null);
        assertEquals("c", ((TextMessage) next.get(10, TimeUnit.SECONDS)).getText());
    }

    @Test
    void sessionCloseWaitsForPendingAcknowledgementsOfNonPersistentMessagesToo() throws Exception {
        open(Session.AUTO_ACKNOWLEDGE);
        deliverNonPersistent("a");
        consumer.receive(1000);
        Thread closer = new Thread(() -> {
            try {
                session.close();
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        }, "closer");
        closer.start();
        awaitBlocked(closer);

        assertTrue(closer.isAlive(), "close waits for the pending acknowledgement");
        pendingAck(0).complete(null);
        closer.join(10_000);
        assertFalse(closer.isAlive(), "close finished once the acknowledgement completed");
    }

    private static MessageListener listenerInto(BlockingQueue<String> received) {
        return message -> {
            try {
                received.add(((TextMessage) message).getText());
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private Thread deliveryThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(session.dispatcher()::isDeliveryThread)
                .findFirst().orElse(null);
    }
}
