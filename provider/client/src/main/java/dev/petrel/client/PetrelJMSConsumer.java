package dev.petrel.client;

import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The simplified API's consumer: a {@link PetrelMessageConsumer} with runtime exceptions and the
 * {@code receiveBody} methods. Thread-safety as the wrapped consumer.
 */
final class PetrelJMSConsumer implements JMSConsumer {

    private final PetrelMessageConsumer consumer;

    PetrelJMSConsumer(PetrelMessageConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public String getMessageSelector() {
        return JmsCall.unchecked(consumer::getMessageSelector);
    }

    @Override
    public MessageListener getMessageListener() {
        return JmsCall.unchecked(consumer::getMessageListener);
    }

    @Override
    public void setMessageListener(MessageListener listener) {
        JmsCall.run(() -> consumer.setMessageListener(listener));
    }

    @Override
    public Message receive() {
        return JmsCall.unchecked(consumer::receive);
    }

    @Override
    public Message receive(long timeout) {
        return JmsCall.unchecked(() -> consumer.receive(timeout));
    }

    @Override
    public Message receiveNoWait() {
        return JmsCall.unchecked(consumer::receiveNoWait);
    }

    @Override
    public void close() {
        JmsCall.run(consumer::close);
    }

    @Override
    public <T> T receiveBody(Class<T> c) {
        return body(0L, c);
    }

    @Override
    public <T> T receiveBody(Class<T> c, long timeout) {
        return body(timeout <= 0 ? 0L : timeout, c);
    }

    @Override
    public <T> T receiveBodyNoWait(Class<T> c) {
        return body(-1L, c);
    }

    private <T> T body(long timeout, Class<T> c) {
        return JmsCall.unchecked(() -> {
            Message message = consumer.receive(timeout, c);
            return message == null ? null : message.getBody(c);
        });
    }
}
