package dev.petrel.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TemporaryDestinationTest {

    private final StubBroker broker = new StubBroker();

    @Test
    void temporaryQueuesOfOneConnectionHaveDistinctNames() throws JMSException {
        Session session = StubConnections.open(broker).createSession();
        assertNotEquals(session.createTemporaryQueue().getQueueName(), session.createTemporaryQueue().getQueueName());
    }

    @Test
    void temporaryQueueIsCreatedAtTheBroker() throws JMSException {
        TemporaryQueue queue = StubConnections.open(broker).createSession().createTemporaryQueue();
        assertEquals(List.of("createTemporaryDestination temporary queue '" + queue.getQueueName() + "'"),
                broker.callsStartingWith("createTemporaryDestination"));
    }

    @Test
    void deleteAsksTheBrokerToDeleteIt() throws JMSException {
        TemporaryQueue queue = StubConnections.open(broker).createSession().createTemporaryQueue();
        queue.delete();
        assertEquals(1, broker.callsStartingWith("deleteTemporaryDestination").size());
    }

    @Test
    void deletingATemporaryQueueWithAnOpenConsumerThrowsIllegalStateException() throws JMSException {
        Session session = StubConnections.open(broker).createSession();
        TemporaryQueue queue = session.createTemporaryQueue();
        session.createConsumer(queue);
        assertThrows(IllegalStateException.class, queue::delete);
    }

    @Test
    void deletingAfterTheConsumerClosedSucceeds() throws JMSException {
        Session session = StubConnections.open(broker).createSession();
        TemporaryQueue queue = session.createTemporaryQueue();
        MessageConsumer consumer = session.createConsumer(queue);
        consumer.close();
        queue.delete();
        assertEquals(1, broker.callsStartingWith("deleteTemporaryDestination").size());
    }

    @Test
    void anotherConnectionCannotConsumeFromATemporaryQueueWithInvalidDestinationException() throws JMSException {
        TemporaryQueue queue = StubConnections.open(broker).createSession().createTemporaryQueue();
        Session other = StubConnections.open(new StubBroker()).createSession();
        assertThrows(InvalidDestinationException.class, () -> other.createConsumer(queue));
    }

    @Test
    void aDeletedTemporaryQueueCannotBeConsumedWithInvalidDestinationException() throws JMSException {
        Session session = StubConnections.open(broker).createSession();
        TemporaryQueue queue = session.createTemporaryQueue();
        queue.delete();
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(queue));
    }
}
