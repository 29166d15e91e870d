package dev.petrel.ra;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;

/** A {@code JMSConsumer} on a consumer of the adapter's session handle; message listeners are forbidden in the container. */
final class PetrelRaJMSConsumer implements JMSConsumer {

    private final MessageConsumer consumer;

    PetrelRaJMSConsumer(MessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return Unchecked.call(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        throw new IllegalStateRuntimeException("getMessageListener is not allowed in a Jakarta EE web or EJB container");
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        throw new IllegalStateRuntimeException("setMessageListener is not allowed in a Jakarta EE web or EJB container");
    }

    @Override
    public Message receive() {
        return Unchecked.call(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return Unchecked.call(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return Unchecked.call(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        Unchecked.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        Message m = receive();
        return m == null ? null : Unchecked.call(() -> m.getBody(c));
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        Message m = receive(timeout);
        return m == null ? null : Unchecked.call(() -> m.getBody(c));
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        Message m = receiveNoWait();
        return m == null ? null : Unchecked.call(() -> m.getBody(c));
    }
}
