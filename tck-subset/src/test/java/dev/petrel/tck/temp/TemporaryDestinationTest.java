package dev.petrel.tck.temp;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Jakarta Messaging 3.1 §6.2.6: temporary queues and topics live as long as their connection. */
class TemporaryDestinationTest extends TckTest {

    @Test
    void temporaryQueueHasANameAndCarriesMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue tq = s.createTemporaryQueue();
            assertNotNull(tq.getQueueName());
            s.createProducer(tq).send(s.createTextMessage("temp"));
            assertEquals("temp", receiveText(s.createConsumer(tq)));
        }
    }

    @Test
    void eachTemporaryQueueIsDistinct() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNotEquals(s.createTemporaryQueue().getQueueName(), s.createTemporaryQueue().getQueueName());
        }
    }

    @Test
    void temporaryTopicHasANameAndCarriesMessages() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryTopic tt = s.createTemporaryTopic();
            assertNotNull(tt.getTopicName());
            MessageConsumer sub = s.createConsumer(tt);
            s.createProducer(tt).send(s.createTextMessage("temp topic"));
            assertEquals("temp topic", receiveText(sub));
        }
    }

    @Test
    void anotherSessionOfTheSameConnectionCanConsumeFromATemporaryQueue() throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue tq = s.createTemporaryQueue();
            s.createProducer(tq).send(s.createTextMessage("sibling"));
            Session sibling = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertEquals("sibling", receiveText(sibling.createConsumer(tq)));
        }
    }

    @Test
    void anotherConnectionCanSendToATemporaryQueue() throws JMSException {
        try (Connection owner = startedConnection(); Connection other = cf.createConnection()) {
            Session s = owner.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue tq = s.createTemporaryQueue();
            Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
            os.createProducer(tq).send(os.createTextMessage("from outside"));
            assertEquals("from outside", receiveText(s.createConsumer(tq)));
        }
    }

    @Test
    void requestReplyThroughATemporaryQueueWorks() throws JMSException {
        try (Connection requester = startedConnection(); Connection responder = startedConnection()) {
            Session rs = requester.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = rs.createTemporaryQueue();
            jakarta.jms.Queue requests = rs.createQueue(uniqueName());
            Message request = rs.createTextMessage("ping");
            request.setJMSReplyTo(replies);
            rs.createProducer(requests).send(request);
            Session ss = responder.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message got = receiveRequired(ss.createConsumer(requests));
            Message reply = ss.createTextMessage("pong");
            reply.setJMSCorrelationID(got.getJMSMessageID());
            ss.createProducer(got.getJMSReplyTo()).send(reply);
            Message answer = receiveRequired(rs.createConsumer(replies));
            assertEquals(request.getJMSMessageID(), answer.getJMSCorrelationID());
        }
    }

    @Test
    void consumerOnAnotherConnectionsTemporaryQueueIsRejected() throws JMSException {
        try (Connection owner = cf.createConnection(); Connection other = cf.createConnection()) {
            TemporaryQueue tq = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSException.class, () -> os.createConsumer(tq));
        }
    }

    @Test
    void consumerOnAnotherConnectionsTemporaryTopicIsRejected() throws JMSException {
        try (Connection owner = cf.createConnection(); Connection other = cf.createConnection()) {
            TemporaryTopic tt = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryTopic();
            Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThrows(JMSException.class, () -> os.createConsumer(tt));
        }
    }

    @Test
    void deletingATemporaryQueueWithoutConsumersSucceeds() throws JMSException {
        try (Connection c = cf.createConnection()) {
            TemporaryQueue tq = c.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
            assertDoesNotThrow(tq::delete);
        }
    }

    @Test
    void deletingATemporaryQueueWithAnActiveConsumerThrowsJmsException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue tq = s.createTemporaryQueue();
            MessageConsumer consumer = s.createConsumer(tq);
            assertThrows(JMSException.class, tq::delete);
            consumer.close();
            assertDoesNotThrow(tq::delete);
        }
    }

    @Test
    void deletingATemporaryTopicWithAnActiveSubscriberThrowsJmsException() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryTopic tt = s.createTemporaryTopic();
            MessageConsumer consumer = s.createConsumer(tt);
            assertThrows(JMSException.class, tt::delete);
            consumer.close();
            assertDoesNotThrow(tt::delete);
        }
    }

    @Test
    void sendingToADeletedTemporaryQueueFails() throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue tq = s.createTemporaryQueue();
            tq.delete();
            MessageProducer p = s.createProducer(null);
            assertThrows(JMSException.class, () -> p.send(tq, s.createTextMessage("too late")));
        }
    }

    @Test
    void temporaryQueueIsDeletedWhenItsConnectionCloses() throws JMSException {
        TemporaryQueue tq;
        try (Connection owner = cf.createConnection()) {
            tq = owner.createSession(false, Session.AUTO_ACKNOWLEDGE).createTemporaryQueue();
        }
        try (Connection other = cf.createConnection()) {
            Session os = other.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = os.createProducer(null);
            assertThrows(JMSException.class, () -> p.send(tq, os.createTextMessage("to a dead queue")));
        }
    }
}
