package dev.petrel.tck.message;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.Topic;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Jakarta Messaging 3.1 §3.4: message header fields set by send and by the client. */
class HeaderTest extends MessageTestSupport {

    @Test
    void sendAssignsAMessageIdStartingWithIdColon() throws JMSException {
        Message m = session.createMessage();
        session.createProducer(session.createQueue(uniqueName())).send(m);
        assertNotNull(m.getJMSMessageID());
        assertTrue(m.getJMSMessageID().startsWith("ID:"), m.getJMSMessageID());
    }

    @Test
    void receivedMessageCarriesTheMessageIdAssignedAtSend() throws JMSException {
        Message m = session.createMessage();
        Message r = roundTrip(m);
        assertTrue(r.getJMSMessageID().startsWith("ID:"), r.getJMSMessageID());
        assertEquals(m.getJMSMessageID(), r.getJMSMessageID());
    }

    @Test
    void messageIdsAreUniquePerMessage() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        MessageProducer p = session.createProducer(q);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            Message m = session.createMessage();
            p.send(m);
            assertTrue(ids.add(m.getJMSMessageID()), "duplicate JMSMessageID " + m.getJMSMessageID());
        }
    }

    @Test
    void sendSetsTheTimestampToTheTimeOfTheSendCall() throws JMSException {
        Message m = session.createMessage();
        MessageProducer p = session.createProducer(session.createQueue(uniqueName()));
        long before = System.currentTimeMillis();
        p.send(m);
        long after = System.currentTimeMillis();
        assertTrue(m.getJMSTimestamp() >= before && m.getJMSTimestamp() <= after,
                "JMSTimestamp " + m.getJMSTimestamp() + " not within [" + before + ", " + after + "]");
    }

    @Test
    void receivedMessageCarriesTheTimestampSetAtSend() throws JMSException {
        Message m = session.createMessage();
        Message r = roundTrip(m);
        assertEquals(m.getJMSTimestamp(), r.getJMSTimestamp());
    }

    @Test
    void sendSetsTheDestinationHeaderToTheQueue() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        Message m = session.createMessage();
        session.createProducer(q).send(m);
        assertEquals(q.getQueueName(), ((Queue) m.getJMSDestination()).getQueueName());
        Message r = receiveRequired(session.createConsumer(q));
        assertEquals(q.getQueueName(), ((Queue) r.getJMSDestination()).getQueueName());
    }

    @Test
    void receivedTopicMessageCarriesTheTopicAsDestination() throws JMSException {
        Topic t = session.createTopic(uniqueName());
        MessageConsumer consumer = session.createConsumer(t);
        session.createProducer(t).send(session.createMessage());
        Message r = receiveRequired(consumer);
        assertEquals(t.getTopicName(), ((Topic) r.getJMSDestination()).getTopicName());
    }

    @Test
    void nonPersistentDeliveryModeIsSetAtSendAndCarriedToTheReceiver() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        MessageProducer p = session.createProducer(q);
        p.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        Message m = session.createMessage();
        p.send(m);
        assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
        assertEquals(DeliveryMode.NON_PERSISTENT, receiveRequired(session.createConsumer(q)).getJMSDeliveryMode());
    }

    @Test
    void persistentIsTheDefaultDeliveryModeSeenByTheReceiver() throws JMSException {
        assertEquals(DeliveryMode.PERSISTENT, roundTrip(session.createMessage()).getJMSDeliveryMode());
    }

    @Test
    void priorityGivenToSendIsSetOnTheMessageAndCarriedToTheReceiver() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        Message m = session.createMessage();
        session.createProducer(q).send(m, DeliveryMode.NON_PERSISTENT, 7, 0);
        assertEquals(7, m.getJMSPriority());
        assertEquals(7, receiveRequired(session.createConsumer(q)).getJMSPriority());
    }

    @Test
    void defaultPriorityIsFour() throws JMSException {
        assertEquals(4, roundTrip(session.createMessage()).getJMSPriority());
    }

    @Test
    void headerValuesSetByTheClientBeforeSendAreOverriddenBySend() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        Message m = session.createMessage();
        m.setJMSPriority(9);
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSExpiration(1L);
        session.createProducer(q).send(m);
        Message r = receiveRequired(session.createConsumer(q));
        assertEquals(4, r.getJMSPriority());
        assertEquals(DeliveryMode.PERSISTENT, r.getJMSDeliveryMode());
        assertEquals(0L, r.getJMSExpiration());
    }

    @Test
    void expirationIsZeroWhenTheTimeToLiveIsZero() throws JMSException {
        Message m = session.createMessage();
        Message r = roundTrip(m);
        assertEquals(0L, m.getJMSExpiration());
        assertEquals(0L, r.getJMSExpiration());
    }

    @Test
    void expirationIsTheSendTimePlusTheTimeToLive() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        MessageProducer p = session.createProducer(q);
        p.setTimeToLive(60_000);
        Message m = session.createMessage();
        long before = System.currentTimeMillis();
        p.send(m);
        long after = System.currentTimeMillis();
        assertTrue(m.getJMSExpiration() >= before + 60_000 && m.getJMSExpiration() <= after + 60_000,
                "JMSExpiration " + m.getJMSExpiration() + " not within send time + 60000");
        assertEquals(m.getJMSExpiration(), receiveRequired(session.createConsumer(q)).getJMSExpiration());
    }

    @Test
    void replyToQueueRoundTrips() throws JMSException {
        Queue replyTo = session.createQueue(uniqueName());
        Message m = session.createMessage();
        m.setJMSReplyTo(replyTo);
        Message r = roundTrip(m);
        assertEquals(replyTo.getQueueName(), ((Queue) r.getJMSReplyTo()).getQueueName());
    }

    @Test
    void replyToTopicRoundTrips() throws JMSException {
        Topic replyTo = session.createTopic(uniqueName());
        Message m = session.createMessage();
        m.setJMSReplyTo(replyTo);
        Message r = roundTrip(m);
        assertEquals(replyTo.getTopicName(), ((Topic) r.getJMSReplyTo()).getTopicName());
    }

    @Test
    void replyToTemporaryQueueIsUsableByTheReceiver() throws JMSException {
        TemporaryQueue replyTo = session.createTemporaryQueue();
        Message m = session.createMessage();
        m.setJMSReplyTo(replyTo);
        Message r = roundTrip(m);
        assertTrue(r.getJMSReplyTo() instanceof TemporaryQueue, "JMSReplyTo is " + r.getJMSReplyTo());
        session.createProducer(r.getJMSReplyTo()).send(session.createTextMessage("reply"));
        assertEquals("reply", receiveText(session.createConsumer(replyTo)));
    }

    @Test
    void replyToIsNullWhenNotSet() throws JMSException {
        assertNull(roundTrip(session.createMessage()).getJMSReplyTo());
    }

    @Test
    void correlationIdRoundTrips() throws JMSException {
        Message m = session.createMessage();
        m.setJMSCorrelationID("order-42");
        assertEquals("order-42", roundTrip(m).getJMSCorrelationID());
    }

    @Test
    void correlationIdCanHoldAMessageId() throws JMSException {
        Message original = session.createMessage();
        session.createProducer(session.createQueue(uniqueName())).send(original);
        Message reply = session.createMessage();
        reply.setJMSCorrelationID(original.getJMSMessageID());
        assertEquals(original.getJMSMessageID(), roundTrip(reply).getJMSCorrelationID());
    }

    @Test
    void typeRoundTrips() throws JMSException {
        Message m = session.createMessage();
        m.setJMSType("com.example.Order");
        assertEquals("com.example.Order", roundTrip(m).getJMSType());
    }

    @Test
    void redeliveredIsFalseOnFirstDelivery() throws JMSException {
        assertFalse(roundTrip(session.createMessage()).getJMSRedelivered());
    }

    @Test
    void deliveryCountIsOneOnFirstDelivery() throws JMSException {
        assertEquals(1, roundTrip(session.createMessage()).getIntProperty("JMSXDeliveryCount"));
    }

    @Test
    void deliveryCountIsTwoAndRedeliveredIsTrueAfterARollback() throws JMSException {
        Session tx = connection.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(uniqueName());
        session.createProducer(q).send(session.createMessage());
        MessageConsumer consumer = tx.createConsumer(q);
        assertEquals(1, receiveRequired(consumer).getIntProperty("JMSXDeliveryCount"));
        tx.rollback();
        Message again = receiveRequired(consumer);
        assertEquals(2, again.getIntProperty("JMSXDeliveryCount"));
        assertTrue(again.getJMSRedelivered());
        tx.commit();
    }

    @Test
    void disableMessageIdIsAHintThatDoesNotBreakSending() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        MessageProducer p = session.createProducer(q);
        p.setDisableMessageID(true);
        p.send(session.createTextMessage("no id"));
        Message r = receiveRequired(session.createConsumer(q));
        assertTrue(r.getJMSMessageID() == null || r.getJMSMessageID().startsWith("ID:"), r.getJMSMessageID());
    }

    @Test
    void disableMessageTimestampIsAHintThatDoesNotBreakSending() throws JMSException {
        Queue q = session.createQueue(uniqueName());
        MessageProducer p = session.createProducer(q);
        p.setDisableMessageTimestamp(true);
        long before = System.currentTimeMillis();
        p.send(session.createTextMessage("no timestamp"));
        Message r = receiveRequired(session.createConsumer(q));
        assertTrue(r.getJMSTimestamp() == 0 || r.getJMSTimestamp() >= before, "JMSTimestamp " + r.getJMSTimestamp());
    }

    @Test
    void deliveryTimeIsSetAtSendWhenThereIsNoDelay() throws JMSException {
        Message m = session.createMessage();
        long before = System.currentTimeMillis();
        Message r = roundTrip(m);
        assertTrue(r.getJMSDeliveryTime() >= before, "JMSDeliveryTime " + r.getJMSDeliveryTime() + " before the send");
        assertEquals(m.getJMSDeliveryTime(), r.getJMSDeliveryTime());
    }

    @Test
    void headerSettersOnANewMessageAreReflectedByGetters() throws JMSException {
        Message m = session.createMessage();
        Queue q = session.createQueue(uniqueName());
        m.setJMSMessageID("ID:client-set");
        m.setJMSTimestamp(123L);
        m.setJMSDestination(q);
        m.setJMSRedelivered(true);
        m.setJMSDeliveryTime(456L);
        assertEquals("ID:client-set", m.getJMSMessageID());
        assertEquals(123L, m.getJMSTimestamp());
        assertEquals(q, m.getJMSDestination());
        assertTrue(m.getJMSRedelivered());
        assertEquals(456L, m.getJMSDeliveryTime());
    }
}
