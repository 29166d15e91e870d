package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PetrelMessageConsumerTest {

    private final StubBroker broker = new StubBroker();
    private final Queue queue = () -> "orders";
    private final DestinationRef orders = DestinationRef.queue("orders");

    @Test
    void closeReturnsBufferedDeliveriesAsNotSeenInOrder() throws JMSException {
        Session session = StubConnections.open(broker).createSession();
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) session.createConsumer(queue);
        long first = broker.deliver(consumer.id(), orders);
        long second = broker.deliver(consumer.id(), orders);
        consumer.close();
        assertEquals(List.of("closeConsumer " + consumer.id() + " notSeen=" + List.of(first, second)),
                broker.callsStartingWith("closeConsumer"));
    }

    @Test
    void rollbackHandsBufferedDeliveriesBackAsNotSeenInOrder() throws JMSException {
        Session session = StubConnections.open(broker).createSession(Session.SESSION_TRANSACTED);
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) session.createConsumer(queue);
        long first = broker.deliver(consumer.id(), orders);
        long second = broker.deliver(consumer.id(), orders);
        session.rollback();
        assertEquals(List.of("rollback " + ((PetrelSession) session).id() + " consumed=[] notSeen=" + List.of(first, second)),
                broker.callsStartingWith("rollback"));
    }

    @Test
    void rollbackGrantsTheCreditOfReturnedDeliveriesAgain() throws JMSException {
        Session session = StubConnections.open(broker).createSession(Session.SESSION_TRANSACTED);
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) session.createConsumer(queue);
        broker.deliver(consumer.id(), orders);
        broker.deliver(consumer.id(), orders);
        session.rollback();
        assertEquals(List.of("grantCredit " + consumer.id() + " 2"), broker.callsStartingWith("grantCredit"));
    }

    @Test
    void recoverHandsBufferedDeliveriesBackAsNotSeen() throws JMSException {
        Session session = StubConnections.open(broker).createSession(Session.CLIENT_ACKNOWLEDGE);
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) session.createConsumer(queue);
        long first = broker.deliver(consumer.id(), orders);
        session.recover();
        assertEquals(List.of("recover " + ((PetrelSession) session).id() + " unacknowledged=[] notSeen=" + List.of(first)),
                broker.callsStartingWith("recover"));
    }

    @Test
    void receiveNoWaitOnAnEmptyBufferAsksTheBrokerToPull() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.start();
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) connection.createSession().createConsumer(queue);
        assertNull(consumer.receiveNoWait());
        assertEquals(List.of("pull " + consumer.id()), broker.callsStartingWith("pull"));
    }

    @Test
    void receiveNoWaitOnAStoppedConnectionReturnsNullWithoutPulling() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) connection.createSession().createConsumer(queue);
        assertNull(consumer.receiveNoWait());
        assertEquals(List.of(), broker.callsStartingWith("pull"));
    }

    @Test
    void timedReceiveThatRunsOutPullsOnceMore() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.start();
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) connection.createSession().createConsumer(queue);
        assertNull(consumer.receive(1));
        assertEquals(List.of("pull " + consumer.id()), broker.callsStartingWith("pull"));
    }

    @Test
    void closedConsumerRejectsReceiveWithIllegalStateException() throws JMSException {
        MessageConsumer consumer = StubConnections.open(broker).createSession().createConsumer(queue);
        consumer.close();
        assertThrows(IllegalStateException.class, consumer::receive);
    }

    @Test
    void blockedReceiveReturnsNullWhenTheConsumerIsClosed() throws Exception {
        PetrelConnection connection = StubConnections.open(broker);
        connection.start();
        MessageConsumer consumer = connection.createSession().createConsumer(queue);
        CompletableFuture<Object> received = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.receive();
            } catch (JMSException e) {
                return e;
            }
        });
        Polling.until(((PetrelMessageConsumer) consumer)::hasWaitingReceiver, "receive() to block");
        consumer.close();
        assertNull(received.get());
    }

    @Test
    void sessionCloseClosesItsConsumers() throws JMSException {
        Session session = StubConnections.open(broker).createSession();
        MessageConsumer consumer = session.createConsumer(queue);
        session.close();
        assertThrows(IllegalStateException.class, consumer::getMessageSelector);
    }

    @Test
    void settingAListenerMakesSynchronousReceiveIllegal() throws JMSException {
        MessageConsumer consumer = StubConnections.open(broker).createSession().createConsumer(queue);
        consumer.setMessageListener(message -> { });
        assertThrows(IllegalStateException.class, consumer::receiveNoWait);
    }

    @Test
    void blockedReceiveThrowsWhenTheConnectionToTheBrokerIsLost() throws Exception {
        PetrelConnection connection = StubConnections.open(broker);
        connection.start();
        PetrelMessageConsumer consumer = (PetrelMessageConsumer) connection.createSession().createConsumer(queue);
        CompletableFuture<Object> received = CompletableFuture.supplyAsync(() -> {
            try {
                return consumer.receive();
            } catch (JMSException e) {
                return e;
            }
        });
        Polling.until(consumer::hasWaitingReceiver, "receive() to block");
        connection.connectionFailed(new JMSException("broker stopped"));
        org.junit.jupiter.api.Assertions.assertInstanceOf(JMSException.class, received.get());
    }
}
