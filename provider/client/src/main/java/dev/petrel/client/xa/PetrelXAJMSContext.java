package dev.petrel.client.xa;

import dev.petrel.client.XaAccess;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TransactionInProgressRuntimeException;
import jakarta.jms.XAJMSContext;

import javax.transaction.xa.XAResource;
import java.io.Serializable;

/**
 * An XA {@code JMSContext}: a Petrel context (acknowledging automatically when no global
 * transaction is associated) with the {@link PetrelXAResource} of its session. {@link #commit()}
 * and {@link #rollback()} throw {@link TransactionInProgressRuntimeException}; every other method
 * is the wrapped context's.
 *
 * <p>Threading: as a {@code JMSContext} (one application thread at a time); the XA resource is
 * thread-safe.
 */
public final class PetrelXAJMSContext implements XAJMSContext {

    private final JMSContext context;
    private final PetrelXAResource resource;

    PetrelXAJMSContext(JMSContext context) {
        this.context = context;
        this.resource = new PetrelXAResource(() -> XaAccess.broker(context), XaAccess.sessionId(context),
                XaAccess.broker(context).info().brokerName());
    }

    @Override
    public JMSContext getContext() {
        return context;
    }

    @Override
    public XAResource getXAResource() {
        return resource;
    }

    /** Always true: the context's work belongs to the global transaction when one is associated. */
    @Override
    public boolean getTransacted() {
        return true;
    }

    @Override
    public int getSessionMode() {
        return JMSContext.SESSION_TRANSACTED;
    }

    @Override
    public void commit() {
        throw new TransactionInProgressRuntimeException("commit() is not allowed on an XAJMSContext: its transaction"
                + " manager commits the global transaction through the XAResource");
    }

    @Override
    public void rollback() {
        throw new TransactionInProgressRuntimeException("rollback() is not allowed on an XAJMSContext: its"
                + " transaction manager rolls back the global transaction through the XAResource");
    }

    /** A new, ordinary (non-XA) context on the same connection. */
    @Override
    public JMSContext createContext(int sessionMode) {
        return context.createContext(sessionMode);
    }

    @Override
    public void acknowledge() {
        context.acknowledge();
    }

    @Override
    public JMSProducer createProducer() {
        return context.createProducer();
    }

    @Override
    public String getClientID() {
        return context.getClientID();
    }

    @Override
    public void setClientID(String arg0) {
        context.setClientID(arg0);
    }

    @Override
    public ConnectionMetaData getMetaData() {
        return context.getMetaData();
    }

    @Override
    public ExceptionListener getExceptionListener() {
        return context.getExceptionListener();
    }

    @Override
    public void setExceptionListener(ExceptionListener arg0) {
        context.setExceptionListener(arg0);
    }

    @Override
    public void start() {
        context.start();
    }

    @Override
    public void stop() {
        context.stop();
    }

    @Override
    public void setAutoStart(boolean arg0) {
        context.setAutoStart(arg0);
    }

    @Override
    public boolean getAutoStart() {
        return context.getAutoStart();
    }

    @Override
    public void close() {
        context.close();
    }

    @Override
    public BytesMessage createBytesMessage() {
        return context.createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() {
        return context.createMapMessage();
    }

    @Override
    public Message createMessage() {
        return context.createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return context.createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable arg0) {
        return context.createObjectMessage(arg0);
    }

    @Override
    public StreamMessage createStreamMessage() {
        return context.createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() {
        return context.createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String arg0) {
        return context.createTextMessage(arg0);
    }


    @Override
    public void recover() {
        context.recover();
    }

    @Override
    public JMSConsumer createConsumer(Destination arg0) {
        return context.createConsumer(arg0);
    }

    @Override
    public JMSConsumer createConsumer(Destination arg0, String arg1) {
        return context.createConsumer(arg0, arg1);
    }

    @Override
    public JMSConsumer createConsumer(Destination arg0, String arg1, boolean arg2) {
        return context.createConsumer(arg0, arg1, arg2);
    }

    @Override
    public Queue createQueue(String arg0) {
        return context.createQueue(arg0);
    }

    @Override
    public Topic createTopic(String arg0) {
        return context.createTopic(arg0);
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic arg0, String arg1) {
        return context.createDurableConsumer(arg0, arg1);
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic arg0, String arg1, String arg2, boolean arg3) {
        return context.createDurableConsumer(arg0, arg1, arg2, arg3);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic arg0, String arg1) {
        return context.createSharedDurableConsumer(arg0, arg1);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic arg0, String arg1, String arg2) {
        return context.createSharedDurableConsumer(arg0, arg1, arg2);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic arg0, String arg1) {
        return context.createSharedConsumer(arg0, arg1);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic arg0, String arg1, String arg2) {
        return context.createSharedConsumer(arg0, arg1, arg2);
    }

    @Override
    public QueueBrowser createBrowser(Queue arg0) {
        return context.createBrowser(arg0);
    }

    @Override
    public QueueBrowser createBrowser(Queue arg0, String arg1) {
        return context.createBrowser(arg0, arg1);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return context.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return context.createTemporaryTopic();
    }

    @Override
    public void unsubscribe(String arg0) {
        context.unsubscribe(arg0);
    }

}
