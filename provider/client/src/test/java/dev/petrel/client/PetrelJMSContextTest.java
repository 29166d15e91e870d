package dev.petrel.client;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PetrelJMSContextTest {

    private final StubBroker broker = new StubBroker();

    private JMSContext context(int mode) throws JMSException {
        return new PetrelJMSContext(StubConnections.open(broker), mode);
    }

    @Test
    void clientIdCanBeSetRightAfterTheContextIsCreated() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.setClientID("c1");
        assertEquals("c1", context.getClientID());
    }

    @Test
    void clientIdCannotBeSetAfterTheContextCreatedAConsumer() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.createConsumer(context.createQueue("orders"));
        assertThrows(IllegalStateRuntimeException.class, () -> context.setClientID("c1"));
    }

    @Test
    void closedContextRejectsCreateProducerWithIllegalStateRuntimeException() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.close();
        assertThrows(IllegalStateRuntimeException.class, context::createProducer);
    }

    @Test
    void commitOnANonTransactedContextThrowsIllegalStateRuntimeException() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateRuntimeException.class, context::commit);
    }

    @Test
    void contextReportsItsSessionMode() throws JMSException {
        JMSContext context = context(JMSContext.SESSION_TRANSACTED);
        assertEquals(JMSContext.SESSION_TRANSACTED, context.getSessionMode());
        assertTrue(context.getTransacted());
    }

    @Test
    void creatingAConsumerStartsTheConnectionWhenAutoStartIsOn() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        JMSContext context = new PetrelJMSContext(connection, JMSContext.AUTO_ACKNOWLEDGE);
        context.createConsumer(context.createQueue("orders"));
        assertTrue(connection.isStarted());
    }

    @Test
    void creatingAConsumerLeavesTheConnectionStoppedWhenAutoStartIsOff() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        JMSContext context = new PetrelJMSContext(connection, JMSContext.AUTO_ACKNOWLEDGE);
        context.setAutoStart(false);
        context.createConsumer(context.createQueue("orders"));
        assertFalse(connection.isStarted());
    }

    @Test
    void theConnectionClosesWithTheLastContextSharingIt() throws JMSException {
        JMSContext first = context(JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext second = first.createContext(JMSContext.CLIENT_ACKNOWLEDGE);
        first.close();
        assertFalse(broker.closed);
        second.close();
        assertTrue(broker.closed);
    }

    @Test
    void producerSendsTextBodiesWithItsProperties() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        JMSProducer producer = context.createProducer().setProperty("region", "eu").setPriority(2);
        producer.send(context.createQueue("orders"), "hello");
        assertEquals("eu", broker.sent.get(0).property("region"));
        assertEquals(2, broker.sent.get(0).priority());
    }

    @Test
    void producerPropertyReadsFollowTheConversionRules() throws JMSException {
        JMSProducer producer = context(JMSContext.AUTO_ACKNOWLEDGE).createProducer().setProperty("n", "42");
        assertEquals(42, producer.getIntProperty("n"));
        assertEquals(List.of("n"), List.copyOf(producer.getPropertyNames()));
    }

    @Test
    void producerSendToANullDestinationThrowsInvalidDestinationRuntimeException() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationRuntimeException.class, () -> context.createProducer().send(null, "x"));
    }

    @Test
    void acknowledgeOnAClosedContextThrowsIllegalStateRuntimeException() throws JMSException {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        context.close();
        assertThrows(IllegalStateRuntimeException.class, context::acknowledge);
    }
}
