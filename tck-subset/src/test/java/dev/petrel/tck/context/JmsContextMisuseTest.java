package dev.petrel.tck.context;

import dev.petrel.tck.TckTest;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidClientIDRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Jakarta Messaging 3.1 simplified API: misuse of JMSContext and JMSConsumer throws the named JMSRuntimeException subclass. */
class JmsContextMisuseTest extends TckTest {

    @Test
    void receiveBodyWithTheWrongTypeThrowsMessageFormatRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "not a number");
            JMSConsumer consumer = ctx.createConsumer(q);
            assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, TIMEOUT_MS));
        }
    }

    @Test
    void messageRejectedByReceiveBodyIsDeliveredAgainInAutoAcknowledgeMode() {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "retry me");
            JMSConsumer consumer = ctx.createConsumer(q);
            assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, TIMEOUT_MS));
            assertEquals("retry me", consumer.receiveBody(String.class, TIMEOUT_MS));
        }
    }

    @Test
    void messageRejectedByReceiveBodyIsNotCountedAsARedelivery() throws JMSException {
        try (JMSContext ctx = cf.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            Queue q = ctx.createQueue(uniqueName());
            ctx.createProducer().send(q, "retry me");
            JMSConsumer consumer = ctx.createConsumer(q);
            assertThrows(MessageFormatRuntimeException.class, () -> consumer.receiveBody(Integer.class, TIMEOUT_MS));
            Message again = consumer.receive(TIMEOUT_MS);
            assertNotNull(again);
            assertFalse(again.getJMSRedelivered());
            assertEquals(1, again.getIntProperty("JMSXDeliveryCount"));
        }
    }

    @Test
    void commitOnANonTransactedContextThrowsIllegalStateRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            assertThrows(IllegalStateRuntimeException.class, ctx::commit);
        }
    }

    @Test
    void rollbackOnANonTransactedContextThrowsIllegalStateRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            assertThrows(IllegalStateRuntimeException.class, ctx::rollback);
        }
    }

    @Test
    void recoverOnATransactedContextThrowsIllegalStateRuntimeException() {
        try (JMSContext ctx = cf.createContext(JMSContext.SESSION_TRANSACTED)) {
            assertThrows(IllegalStateRuntimeException.class, ctx::recover);
        }
    }

    @Test
    void createConsumerForANullDestinationThrowsInvalidDestinationRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            assertThrows(InvalidDestinationRuntimeException.class, () -> ctx.createConsumer(null));
        }
    }

    @Test
    void createConsumerWithAnInvalidSelectorThrowsInvalidSelectorRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            assertThrows(InvalidSelectorRuntimeException.class, () -> ctx.createConsumer(q, "a = = 1"));
        }
    }

    @Test
    void createBrowserWithAnInvalidSelectorThrowsInvalidSelectorRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            Queue q = ctx.createQueue(uniqueName());
            assertThrows(InvalidSelectorRuntimeException.class, () -> ctx.createBrowser(q, "(a = 1"));
        }
    }

    @Test
    void duplicateClientIdThrowsInvalidClientIdRuntimeException() {
        String id = uniqueName();
        try (JMSContext first = cf.createContext(); JMSContext second = cf.createContext()) {
            first.setClientID(id);
            assertEquals(id, first.getClientID());
            assertThrows(InvalidClientIDRuntimeException.class, () -> second.setClientID(id));
        }
    }

    @Test
    void settingTheClientIdAfterUseThrowsIllegalStateRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            ctx.createConsumer(ctx.createQueue(uniqueName()));
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.setClientID(uniqueName()));
        }
    }

    @Test
    void closedContextRejectsCreateProducerWithIllegalStateRuntimeException() {
        JMSContext ctx = cf.createContext();
        ctx.close();
        assertThrows(IllegalStateRuntimeException.class, ctx::createProducer);
    }

    @Test
    void closedContextRejectsCreateConsumerWithIllegalStateRuntimeException() {
        JMSContext ctx = cf.createContext();
        Queue q = ctx.createQueue(uniqueName());
        ctx.close();
        assertThrows(IllegalStateRuntimeException.class, () -> ctx.createConsumer(q));
    }

    @Test
    void closingAClosedContextDoesNotThrow() {
        JMSContext ctx = cf.createContext();
        ctx.close();
        assertDoesNotThrow(ctx::close);
    }

    @Test
    void closedConsumerRejectsReceiveWithIllegalStateRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            JMSConsumer consumer = ctx.createConsumer(ctx.createQueue(uniqueName()));
            consumer.close();
            assertThrows(IllegalStateRuntimeException.class, consumer::receiveNoWait);
        }
    }

    @Test
    void unsharedDurableConsumerWithoutAClientIdThrowsIllegalStateRuntimeException() {
        try (JMSContext ctx = cf.createContext()) {
            jakarta.jms.Topic t = ctx.createTopic(uniqueName());
            assertThrows(IllegalStateRuntimeException.class, () -> ctx.createDurableConsumer(t, uniqueName()));
        }
    }

    @Test
    void unsubscribeWithAnActiveConsumerThrowsJmsRuntimeException() {
        String sub = uniqueName();
        try (JMSContext ctx = cf.createContext()) {
            jakarta.jms.Topic t = ctx.createTopic(uniqueName());
            JMSConsumer active = ctx.createSharedDurableConsumer(t, sub);
            assertThrows(jakarta.jms.JMSRuntimeException.class, () -> ctx.unsubscribe(sub));
            active.close();
            ctx.unsubscribe(sub);
        }
    }
}
