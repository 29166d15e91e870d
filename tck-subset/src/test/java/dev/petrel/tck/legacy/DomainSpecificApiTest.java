package dev.petrel.tck.legacy;

import dev.petrel.tck.TckTest;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Jakarta Messaging 3.1 domain-specific (legacy) API: QueueConnection/QueueSession and
 * TopicConnection/TopicSession work, and the methods of the other domain throw IllegalStateException
 * (QueueSession and TopicSession Javadoc).
 */
class DomainSpecificApiTest extends TckTest {

    @Test
    void queueSenderAndReceiverExchangeAMessage() throws JMSException {
        try (QueueConnection c = broker.queueConnectionFactory().createQueueConnection()) {
            c.start();
            QueueSession s = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(uniqueName());
            QueueReceiver receiver = s.createReceiver(q);
            assertEquals(q.getQueueName(), receiver.getQueue().getQueueName());
            s.createSender(q).send(s.createTextMessage("p2p"));
            assertEquals("p2p", receiveText(receiver));
        }
    }

    @Test
    void topicPublisherAndSubscriberExchangeAMessage() throws JMSException {
        try (TopicConnection c = broker.topicConnectionFactory().createTopicConnection()) {
            c.start();
            TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(uniqueName());
            TopicSubscriber subscriber = s.createSubscriber(t);
            assertEquals(t.getTopicName(), subscriber.getTopic().getTopicName());
            s.createPublisher(t).publish(s.createTextMessage("pub/sub"));
            assertEquals("pub/sub", receiveText(subscriber));
        }
    }

    @Test
    void queueRequestorGetsTheReplySentToItsTemporaryQueue() throws Exception {
        try (QueueConnection c = broker.queueConnectionFactory().createQueueConnection()) {
            c.start();
            QueueSession requesterSession = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue service = requesterSession.createQueue(uniqueName());
            QueueSession serviceSession = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            QueueReceiver requests = serviceSession.createReceiver(service);
            AtomicReference<Exception> serviceFailure = new AtomicReference<>();
            Thread responder = new Thread(() -> {
                try {
                    Message request = requests.receive(TIMEOUT_MS);
                    if (request != null) {
                        TextMessage reply = serviceSession.createTextMessage("re: " + ((TextMessage) request).getText());
                        serviceSession.createSender((Queue) request.getJMSReplyTo()).send(reply);
                    }
                } catch (JMSException e) {
                    serviceFailure.set(e);
                }
            }, "responder");
            responder.start();
            QueueRequestor requestor = new QueueRequestor(requesterSession, service);
            Message reply = requestor.request(requesterSession.createTextMessage("hello"));
            responder.join(TIMEOUT_MS);
            assertNull(serviceFailure.get());
            assertNotNull(reply);
            assertEquals("re: hello", ((TextMessage) reply).getText());
        }
    }

    @Test
    void queueSessionRejectsCreateTopicWithIllegalStateException() throws JMSException {
        try (QueueConnection c = broker.queueConnectionFactory().createQueueConnection()) {
            QueueSession s = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, () -> s.createTopic(uniqueName()));
        }
    }

    @Test
    void queueSessionRejectsCreateTemporaryTopicWithIllegalStateException() throws JMSException {
        try (QueueConnection c = broker.queueConnectionFactory().createQueueConnection()) {
            QueueSession s = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, s::createTemporaryTopic);
        }
    }

    @Test
    void queueSessionRejectsDurableAndSharedSubscriptionsWithIllegalStateException() throws JMSException {
        try (TopicConnection tc = broker.topicConnectionFactory().createTopicConnection();
             QueueConnection c = broker.queueConnectionFactory().createQueueConnection()) {
            Topic t = tc.createTopicSession(false, Session.AUTO_ACKNOWLEDGE).createTopic(uniqueName());
            c.setClientID(uniqueName());
            QueueSession s = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, () -> s.createDurableSubscriber(t, uniqueName()));
            assertThrows(IllegalStateException.class, () -> s.createDurableConsumer(t, uniqueName()));
            assertThrows(IllegalStateException.class, () -> s.createSharedConsumer(t, uniqueName()));
            assertThrows(IllegalStateException.class, () -> s.createSharedDurableConsumer(t, uniqueName()));
        }
    }

    @Test
    void queueSessionRejectsUnsubscribeWithIllegalStateException() throws JMSException {
        try (QueueConnection c = broker.queueConnectionFactory().createQueueConnection()) {
            QueueSession s = c.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, () -> s.unsubscribe(uniqueName()));
        }
    }

    @Test
    void topicSessionRejectsCreateQueueWithIllegalStateException() throws JMSException {
        try (TopicConnection c = broker.topicConnectionFactory().createTopicConnection()) {
            TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, () -> s.createQueue(uniqueName()));
        }
    }

    @Test
    void topicSessionRejectsCreateTemporaryQueueWithIllegalStateException() throws JMSException {
        try (TopicConnection c = broker.topicConnectionFactory().createTopicConnection()) {
            TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, s::createTemporaryQueue);
        }
    }

    @Test
    void topicSessionRejectsCreateBrowserWithIllegalStateException() throws JMSException {
        try (QueueConnection qc = broker.queueConnectionFactory().createQueueConnection();
             TopicConnection c = broker.topicConnectionFactory().createTopicConnection()) {
            Queue q = qc.createQueueSession(false, Session.AUTO_ACKNOWLEDGE).createQueue(uniqueName());
            TopicSession s = c.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(IllegalStateException.class, () -> s.createBrowser(q));
        }
    }
}
