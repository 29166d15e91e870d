package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Receiving and acknowledging over the stub broker: what the consumer and session tell the broker. */
class MessageDeliveryTest {

    private final StubBroker broker = new StubBroker();
    private final DestinationRef orders = DestinationRef.queue("orders");

    private record Opened(PetrelConnection connection, PetrelSession session, PetrelMessageConsumer consumer) {
    }

    private Opened open(int mode) throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        PetrelSession session = (PetrelSession) connection.createSession(mode);
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) session.createConsumer(session.createQueue("orders"));
        connection.start();
        return new Opened(connection, session, consumer);
    }

    @Test
    void autoAcknowledgeReceiveStartsTheAcknowledgementOfTheDeliveryBeforeReturning() throws JMSException {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        long id = broker.deliverText(o.consumer().id(), orders, "a");
        assertEquals("a", ((TextMessage) o.consumer().receive(1000)).getText());
        assertEquals(List.of("acknowledge " + o.session().id() + " [" + id + "]"), broker.callsStartingWith("acknowledge"));
    }

    @Test
    void clientAcknowledgeAcknowledgesEveryMessageTheSessionConsumedSoFar() throws JMSException {
        Opened o = open(Session.CLIENT_ACKNOWLEDGE);
        long first = broker.deliverText(o.consumer().id(), orders, "a");
        long second = broker.deliverText(o.consumer().id(), orders, "b");
        o.consumer().receive(1000);
        Message last = o.consumer().receive(1000);
        assertEquals(List.of(), broker.callsStartingWith("acknowledge"));
        last.acknowledge();
        assertEquals(List.of("acknowledge " + o.session().id() + " " + List.of(first, second)), broker.callsStartingWith("acknowledge"));
    }

    @Test
    void acknowledgingAfterTheSessionClosedThrowsIllegalStateException() throws JMSException {
        Opened o = open(Session.CLIENT_ACKNOWLEDGE);
        broker.deliverText(o.consumer().id(), orders, "a");
        Message message = o.consumer().receive(1000);
        o.session().close();
        assertThrows(IllegalStateException.class, message::acknowledge);
    }

    @Test
    void closingAClientAcknowledgeSessionHandsTheUnacknowledgedDeliveriesBackAsSeen() throws JMSException {
        Opened o = open(Session.CLIENT_ACKNOWLEDGE);
        long id = broker.deliverText(o.consumer().id(), orders, "a");
        o.consumer().receive(1000);
        o.session().close();
        assertEquals(List.of("closeSession " + o.session().id() + " seen=[" + id + "]"), broker.callsStartingWith("closeSession"));
    }

    @Test
    void commitPassesTheConsumedDeliveriesInOrder() throws JMSException {
        Opened o = open(Session.SESSION_TRANSACTED);
        long first = broker.deliverText(o.consumer().id(), orders, "a");
        long second = broker.deliverText(o.consumer().id(), orders, "b");
        o.consumer().receive(1000);
        o.consumer().receive(1000);
        o.session().commit();
        assertEquals(List.of("commit " + o.session().id() + " " + List.of(first, second)), broker.callsStartingWith("commit"));
    }

    @Test
    void rollbackPassesConsumedAndBufferedDeliveriesSeparately() throws JMSException {
        Opened o = open(Session.SESSION_TRANSACTED);
        long first = broker.deliverText(o.consumer().id(), orders, "a");
        long second = broker.deliverText(o.consumer().id(), orders, "b");
        o.consumer().receive(1000);
        o.session().rollback();
        assertEquals(List.of("rollback " + o.session().id() + " consumed=[" + first + "] notSeen=[" + second + "]"),
                broker.callsStartingWith("rollback"));
    }

    @Test
    void rollbackEmptiesTheBufferSoNothingIsReceivedTwice() throws JMSException {
        Opened o = open(Session.SESSION_TRANSACTED);
        broker.deliverText(o.consumer().id(), orders, "a");
        o.session().rollback();
        assertNull(o.consumer().receiveNoWait());
    }

    @Test
    void deliveryCountAndRedeliveredComeFromTheDelivery() throws JMSException {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        broker.deliver(o.consumer().id(), new dev.petrel.message.MessageData("ID:x", 0, null, null, null, orders, 2, 4, 0, 0,
                null, null, dev.petrel.message.BodyType.NONE, null), 3, true);
        Message message = o.consumer().receive(1000);
        assertEquals(3, message.getIntProperty("JMSXDeliveryCount"));
        assertTrue(message.getJMSRedelivered());
    }

    @Test
    void creditIsReturnedInBatchesOfHalfThePrefetch() throws JMSException {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        for (int i = 0; i < 5; i++) {
            broker.deliverText(o.consumer().id(), orders, "m" + i);
        }
        for (int i = 0; i < 4; i++) {
            o.consumer().receive(1000);
        }
        assertEquals(List.of(), broker.callsStartingWith("grantCredit"));
        o.consumer().receive(1000);
        assertEquals(List.of("grantCredit " + o.consumer().id() + " 5"), broker.callsStartingWith("grantCredit"));
    }

    @Test
    void receiveWaitsWhileTheConnectionIsStopped() throws JMSException {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        o.connection().stop();
        broker.deliverText(o.consumer().id(), orders, "a");
        assertNull(o.consumer().receiveNoWait());
        o.connection().start();
        assertEquals("a", ((TextMessage) o.consumer().receiveNoWait()).getText());
    }

    @Test
    void listenerRunsOnTheSessionThreadAndIsAcknowledgedAfterItReturns() throws Exception {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        CompletableFuture<Thread> listenerThread = new CompletableFuture<>();
        o.consumer().setMessageListener(m -> listenerThread.complete(Thread.currentThread()));
        long id = broker.deliverText(o.consumer().id(), orders, "a");
        assertNotEquals(Thread.currentThread(), listenerThread.get());
        Polling.until(() -> !broker.callsStartingWith("acknowledge").isEmpty(), "the acknowledgement");
        assertEquals(List.of("acknowledge " + o.session().id() + " [" + id + "]"), broker.callsStartingWith("acknowledge"));
    }

    @Test
    void listenerThrowingInAutoAcknowledgeModeRecoversTheMessageForRedelivery() throws Exception {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        o.consumer().setMessageListener(m -> {
            throw new RuntimeException("listener failure (expected by the test)");
        });
        long id = broker.deliverText(o.consumer().id(), orders, "a");
        Polling.until(() -> !broker.callsStartingWith("recover").isEmpty(), "the recover");
        assertEquals(List.of("recover " + o.session().id() + " unacknowledged=[" + id + "] notSeen=[]"),
                broker.callsStartingWith("recover"));
    }

    @Test
    void stoppingTheConnectionFromAListenerThrowsIllegalStateException() throws Exception {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        CompletableFuture<Exception> outcome = new CompletableFuture<>();
        o.consumer().setMessageListener(m -> outcome.complete(attempt(() -> o.connection().stop())));
        broker.deliverText(o.consumer().id(), orders, "a");
        assertInstanceOf(IllegalStateException.class, outcome.get());
    }

    @Test
    void closingTheOwnSessionFromAListenerThrowsIllegalStateException() throws Exception {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        CompletableFuture<Exception> outcome = new CompletableFuture<>();
        o.consumer().setMessageListener(m -> outcome.complete(attempt(() -> o.session().close())));
        broker.deliverText(o.consumer().id(), orders, "a");
        assertInstanceOf(IllegalStateException.class, outcome.get());
    }

    @Test
    void closingTheConsumerFromItsOwnListenerIsAllowed() throws Exception {
        Opened o = open(Session.AUTO_ACKNOWLEDGE);
        CompletableFuture<Exception> outcome = new CompletableFuture<>();
        o.consumer().setMessageListener(m -> outcome.complete(attempt(() -> o.consumer().close())));
        broker.deliverText(o.consumer().id(), orders, "a");
        assertNull(outcome.get());
        assertTrue(o.consumer().isClosed());
    }

    @Test
    void receiveBodyOfTheWrongTypeKeepsTheMessageForTheNextReceiveInAutoMode() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        JMSContext context = new PetrelJMSContext(connection, JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = context.createConsumer(context.createQueue("orders"));
        long consumerId = ((PetrelMessageConsumer) connection.consumersForTest().get(0)).id();
        broker.deliverText(consumerId, orders, "text");
        assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, 1000));
        assertEquals("text", consumer.receiveBody(String.class, 1000));
    }

    private interface Action {
        void run() throws JMSException;
    }

    private static Exception attempt(Action action) {
        try {
            action.run();
            return null;
        } catch (JMSException e) {
            return e;
        }
    }
}
