package dev.petrel.client.xa;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XATopicSession;

import javax.transaction.xa.XAResource;
import java.io.Serializable;

/**
 * An XA session: a Petrel session (acknowledging automatically when no global transaction is
 * associated) with its {@link PetrelXAResource}. While the transaction manager has associated a
 * branch with it, the broker buffers its sends in the branch and makes its acknowledgements part
 * of it; {@link #commit()} and {@link #rollback()} are the transaction manager's business and throw
 * {@link TransactionInProgressException}. Every other method is the wrapped session's.
 *
 * <p>Threading: as a JMS session (one application thread at a time); the XA resource is thread-safe.
 */
public final class PetrelXASession implements XAQueueSession, XATopicSession, QueueSession, TopicSession {

    private final Session session;
    private final PetrelXAResource resource;

    PetrelXASession(Session session, PetrelXAResource resource) {
        this.session = session;
        this.resource = resource;
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return session;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return (QueueSession) session;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return (TopicSession) session;
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    private void checkOpen() throws JMSException {
        session.getAcknowledgeMode();
    }

    /** Always true: the session's work belongs to the global transaction when one is associated. */
    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return true;
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return Session.SESSION_TRANSACTED;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("commit() is not allowed on an XA session: its transaction manager"
                + " commits the global transaction through the XAResource");
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw new TransactionInProgressException("rollback() is not allowed on an XA session: its transaction manager"
                + " rolls back the global transaction through the XAResource");
    }

    @Override
    public void close() throws JMSException {
        session.close();
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return session.createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return session.createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return session.createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return session.createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable arg0) throws JMSException {
        return session.createObjectMessage(arg0);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return session.createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return session.createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String arg0) throws JMSException {
        return session.createTextMessage(arg0);
    }

    @Override
    public void recover() throws JMSException {
        session.recover();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        return session.getMessageListener();
    }

    @Override
    public void setMessageListener(MessageListener arg0) throws JMSException {
        session.setMessageListener(arg0);
    }

    @Override
    public void run() {
        session.run();
    }

    @Override
    public MessageProducer createProducer(Destination arg0) throws JMSException {
        return session.createProducer(arg0);
    }

    @Override
    public MessageConsumer createConsumer(Destination arg0) throws JMSException {
        return session.createConsumer(arg0);
    }

    @Override
    public MessageConsumer createConsumer(Destination arg0, String arg1) throws JMSException {
        return session.createConsumer(arg0, arg1);
    }

    @Override
    public MessageConsumer createConsumer(Destination arg0, String arg1, boolean arg2) throws JMSException {
        return session.createConsumer(arg0, arg1, arg2);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic arg0, String arg1) throws JMSException {
        return session.createSharedConsumer(arg0, arg1);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic arg0, String arg1, String arg2) throws JMSException {
        return session.createSharedConsumer(arg0, arg1, arg2);
    }

    @Override
    public Queue createQueue(String arg0) throws JMSException {
        return session.createQueue(arg0);
    }

    @Override
    public Topic createTopic(String arg0) throws JMSException {
        return session.createTopic(arg0);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic arg0, String arg1) throws JMSException {
        return session.createDurableSubscriber(arg0, arg1);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic arg0, String arg1, String arg2, boolean arg3) throws JMSException {
        return session.createDurableSubscriber(arg0, arg1, arg2, arg3);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic arg0, String arg1) throws JMSException {
        return session.createDurableConsumer(arg0, arg1);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic arg0, String arg1, String arg2, boolean arg3) throws JMSException {
        return session.createDurableConsumer(arg0, arg1, arg2, arg3);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic arg0, String arg1) throws JMSException {
        return session.createSharedDurableConsumer(arg0, arg1);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic arg0, String arg1, String arg2) throws JMSException {
        return session.createSharedDurableConsumer(arg0, arg1, arg2);
    }

    @Override
    public QueueBrowser createBrowser(Queue arg0) throws JMSException {
        return session.createBrowser(arg0);
    }

    @Override
    public QueueBrowser createBrowser(Queue arg0, String arg1) throws JMSException {
        return session.createBrowser(arg0, arg1);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        return session.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        return session.createTemporaryTopic();
    }

    @Override
    public void unsubscribe(String arg0) throws JMSException {
        session.unsubscribe(arg0);
    }

    @Override
    public QueueReceiver createReceiver(Queue arg0) throws JMSException {
        return ((QueueSession) session).createReceiver(arg0);
    }

    @Override
    public QueueReceiver createReceiver(Queue arg0, String arg1) throws JMSException {
        return ((QueueSession) session).createReceiver(arg0, arg1);
    }

    @Override
    public QueueSender createSender(Queue arg0) throws JMSException {
        return ((QueueSession) session).createSender(arg0);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic arg0) throws JMSException {
        return ((TopicSession) session).createSubscriber(arg0);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic arg0, String arg1, boolean arg2) throws JMSException {
        return ((TopicSession) session).createSubscriber(arg0, arg1, arg2);
    }

    @Override
    public TopicPublisher createPublisher(Topic arg0) throws JMSException {
        return ((TopicSession) session).createPublisher(arg0);
    }

}
