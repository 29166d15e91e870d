package dev.petrel.client;

import dev.petrel.protocol.ConsumerSpec;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.TopicSession;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PetrelSessionTest {

    private final StubBroker broker = new StubBroker();
    private final Queue queue = () -> "orders";
    private final Topic topic = () -> "prices";

    private Session session(int mode) throws JMSException {
        return StubConnections.open(broker).createSession(mode);
    }

    @Test
    void commitOnNonTransactedSessionThrowsIllegalStateException() throws JMSException {
        assertThrows(IllegalStateException.class, session(Session.AUTO_ACKNOWLEDGE)::commit);
    }

    @Test
    void rollbackOnNonTransactedSessionThrowsIllegalStateException() throws JMSException {
        assertThrows(IllegalStateException.class, session(Session.CLIENT_ACKNOWLEDGE)::rollback);
    }

    @Test
    void recoverOnTransactedSessionThrowsIllegalStateException() throws JMSException {
        assertThrows(IllegalStateException.class, session(Session.SESSION_TRANSACTED)::recover);
    }

    @Test
    void sessionReportsItsModeAndWhetherItIsTransacted() throws JMSException {
        Session session = session(Session.DUPS_OK_ACKNOWLEDGE);
        assertEquals(Session.DUPS_OK_ACKNOWLEDGE, session.getAcknowledgeMode());
        assertFalse(session.getTransacted());
    }

    @Test
    void closedSessionRejectsCreateConsumerWithIllegalStateException() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        session.close();
        assertThrows(IllegalStateException.class, () -> session.createConsumer(queue));
    }

    @Test
    void closedSessionRejectsCommitWithIllegalStateException() throws JMSException {
        Session session = session(Session.SESSION_TRANSACTED);
        session.close();
        assertThrows(IllegalStateException.class, session::commit);
    }

    @Test
    void closingASessionTwiceClosesItOnceAtTheBroker() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        session.close();
        session.close();
        assertEquals(1, broker.callsStartingWith("closeSession").size());
    }

    @Test
    void createConsumerWithNullDestinationThrowsInvalidDestinationException() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> session.createConsumer(null));
    }

    @Test
    void createQueueWithBlankNameThrowsInvalidDestinationException() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidDestinationException.class, () -> session.createQueue(" "));
    }

    @Test
    void createConsumerWithInvalidSelectorThrowsInvalidSelectorException() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(InvalidSelectorException.class, () -> session.createConsumer(queue, "price >"));
    }

    @Test
    void queueSessionRejectsCreateDurableSubscriberWithIllegalStateException() throws JMSException {
        QueueSession session = StubConnections.open(broker).createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, () -> session.createDurableSubscriber(topic, "sub"));
    }

    @Test
    void topicSessionRejectsCreateBrowserWithIllegalStateException() throws JMSException {
        TopicSession session = StubConnections.open(broker).createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThrows(IllegalStateException.class, () -> session.createBrowser(queue));
    }

    @Test
    void durableConsumerAsksTheBrokerForADurableSubscriptionWithItsName() throws JMSException {
        session(Session.AUTO_ACKNOWLEDGE).createDurableConsumer(topic, "audit", "a = 1", true);
        ConsumerSpec spec = broker.consumerSpecs.get(0);
        assertEquals("audit", spec.subscriptionName());
        assertTrue(spec.durable());
        assertFalse(spec.shared());
        assertTrue(spec.noLocal());
        assertEquals("a = 1", spec.selector());
    }

    @Test
    void sharedConsumerAsksTheBrokerForASharedNonDurableSubscription() throws JMSException {
        session(Session.AUTO_ACKNOWLEDGE).createSharedConsumer(topic, "workers");
        ConsumerSpec spec = broker.consumerSpecs.get(0);
        assertTrue(spec.shared());
        assertFalse(spec.durable());
    }

    @Test
    void durableConsumerWithBlankNameThrowsJmsException() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        assertThrows(JMSException.class, () -> session.createDurableConsumer(topic, ""));
    }

    @Test
    void durableSubscriptionOnAQueueThrowsInvalidDestinationException() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        Topic queueLike = (Topic) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{Topic.class, Queue.class}, (proxy, method, args) -> "x");
        assertThrows(InvalidDestinationException.class, () -> session.createDurableConsumer(queueLike, "s"));
    }

    @Test
    void unsubscribeWithAnOpenDurableConsumerInTheSessionThrowsIllegalStateException() throws JMSException {
        Session session = session(Session.AUTO_ACKNOWLEDGE);
        session.createDurableConsumer(topic, "audit");
        assertThrows(IllegalStateException.class, () -> session.unsubscribe("audit"));
    }

    @Test
    void unsubscribeAsksTheBrokerToDeleteTheSubscription() throws JMSException {
        session(Session.AUTO_ACKNOWLEDGE).unsubscribe("audit");
        assertEquals(List.of("unsubscribe audit"), broker.callsStartingWith("unsubscribe"));
    }

    @Test
    void consumerGetsTheConnectionsPrefetchAsInitialCredit() throws JMSException {
        session(Session.AUTO_ACKNOWLEDGE).createConsumer(queue);
        assertEquals(10, broker.consumerSpecs.get(0).prefetch());
    }
}
