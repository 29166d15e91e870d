package dev.petrel.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

class PetrelMessageProducerTest {

    private final StubBroker broker = new StubBroker();
    private final Queue queue = () -> "orders";

    private MessageProducer producer(Queue destination) throws JMSException {
        return StubConnections.open(broker).createSession().createProducer(destination);
    }

    @Test
    void sendingToADestinationWithAProducerThatHasOneThrowsUnsupportedOperationException() throws JMSException {
        MessageProducer producer = producer(queue);
        assertThrows(UnsupportedOperationException.class, () -> producer.send(queue, null));
    }

    @Test
    void sendingWithoutDestinationOnAnUnidentifiedProducerThrowsUnsupportedOperationException() throws JMSException {
        MessageProducer producer = producer(null);
        assertThrows(UnsupportedOperationException.class, () -> producer.send(null));
    }

    @Test
    void sendingToANullDestinationOnAnUnidentifiedProducerThrowsInvalidDestinationException() throws JMSException {
        MessageProducer producer = producer(null);
        assertThrows(InvalidDestinationException.class, () -> producer.send((Queue) null, null));
    }

    @Test
    void priorityAboveNineIsRejectedWithJmsException() throws JMSException {
        MessageProducer producer = producer(queue);
        assertThrows(JMSException.class, () -> producer.setPriority(10));
    }

    @Test
    void unknownDeliveryModeIsRejectedWithJmsException() throws JMSException {
        MessageProducer producer = producer(queue);
        assertThrows(JMSException.class, () -> producer.setDeliveryMode(5));
    }

    @Test
    void closedProducerRejectsSetPriorityWithIllegalStateException() throws JMSException {
        MessageProducer producer = producer(queue);
        producer.close();
        assertThrows(IllegalStateException.class, () -> producer.setPriority(1));
    }

    @Test
    void producerWithADestinationChecksItAtTheBroker() throws JMSException {
        producer(queue);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("checkDestination queue 'orders'"),
                broker.callsStartingWith("checkDestination"));
    }
}
