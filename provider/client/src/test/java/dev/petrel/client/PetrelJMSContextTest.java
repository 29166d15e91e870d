package dev.petrel.client;

import dev.petrel.message.MessageData;
import jakarta.jms.CompletionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void producerWithACompletionListenerReturnsBeforeTheBrokerConfirmsAndThenCallsIt() throws Exception {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        broker.holdSends = true;
        CountDownLatch completed = new CountDownLatch(1);
        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                completed.countDown();
            }

            @Override
            public void onException(Message message, Exception exception) {
                throw new AssertionError("the send failed", exception);
            }
        }).send(context.createQueue("orders"), "hello");
        assertEquals(1, completed.getCount());
        broker.pendingSends.get(0).complete(null);
        Polling.until(() -> completed.getCount() == 0, "the completion listener");
    }

    @Test
    void producerDeliveryDelaySetsTheDeliveryTimeThatLongAfterTheTimestamp() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.createProducer().setDeliveryDelay(60_000).send(context.createQueue("orders"), "later");
        MessageData sent = broker.sent.get(0);
        assertEquals(60_000, sent.deliveryTime() - sent.timestamp());
    }

    @Test
    void producersOfOneContextDoNotShareTheirSendOptions() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.createProducer().setDeliveryDelay(60_000).setDisableMessageID(true).send(context.createQueue("orders"), "later");
        context.createProducer().send(context.createQueue("orders"), "now");
        MessageData second = broker.sent.get(1);
        assertEquals(second.timestamp(), second.deliveryTime());
        assertNotNull(second.messageId());
    }

    @Test
    void producerWithDisabledIdsAndTimestampsSendsNeither() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        context.createProducer().setDisableMessageID(true).setDisableMessageTimestamp(true)
                .send(context.createQueue("orders"), "plain");
        assertNull(broker.sent.get(0).messageId());
        assertEquals(0L, broker.sent.get(0).timestamp());
    }

    @Test
    void producerSendOfANullMessageThrowsMessageFormatRuntimeException() throws JMSException {
        JMSContext context = context(JMSContext.AUTO_ACKNOWLEDGE);
        assertThrows(MessageFormatRuntimeException.class, () -> context.createProducer().send(context.createQueue("orders"), (Message) null));
    }

    @Test
    void acknowledgeOnAClosedContextThrowsIllegalStateRuntimeException() throws JMSException {
        JMSContext context = context(JMSContext.CLIENT_ACKNOWLEDGE);
        context.close();
        assertThrows(IllegalStateRuntimeException.class, context::acknowledge);
    }
}
