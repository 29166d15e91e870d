package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;

import java.util.concurrent.CompletionStage;

/**
 * A message producer, with or without a default destination. A send stamps the JMS headers on the
 * application's message object, takes its snapshot ({@link MessageData}) and hands it to the broker;
 * a synchronous send waits for the broker, an asynchronous one calls its {@link CompletionListener}
 * on the session's completion thread, in send order.
 *
 * <p>Thread-safety: used by one thread at a time (JMS session rules); {@link #close()} from any
 * thread except this session's completion listeners.
 */
public class PetrelMessageProducer implements MessageProducer, QueueSender, TopicPublisher {

    private final PetrelSession session;
    private final Destination destination;
    private final DestinationRef destinationRef;
    private volatile boolean closed;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private final UnconfirmedSends unconfirmed;

    PetrelMessageProducer(PetrelSession session, Destination destination, DestinationRef destinationRef) {
        this.session = session;
        this.destination = destination;
        this.destinationRef = destinationRef;
        this.unconfirmed = new UnconfirmedSends(toString(), UnconfirmedSends.Kind.NON_PERSISTENT);
    }

    private void checkClosed() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("message producer");
        }
        session.checkClosed();
    }

    void closedWithSession() {
        closed = true;
    }

    // ---- properties -----------------------------------------------------------------------------

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        checkClosed();
        disableMessageID = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        checkClosed();
        return disableMessageID;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        checkClosed();
        disableMessageTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        checkClosed();
        return disableMessageTimestamp;
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        checkClosed();
        checkDeliveryMode(deliveryMode);
        this.deliveryMode = deliveryMode;
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        checkClosed();
        return deliveryMode;
    }

    @Override
    public void setPriority(int defaultPriority) throws JMSException {
        checkClosed();
        checkPriority(defaultPriority);
        this.priority = defaultPriority;
    }

    @Override
    public int getPriority() throws JMSException {
        checkClosed();
        return priority;
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        checkClosed();
        this.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        checkClosed();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        checkClosed();
        this.deliveryDelay = deliveryDelay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        checkClosed();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        checkClosed();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        checkClosed();
        return (Queue) destination;
    }

    @Override
    public Topic getTopic() throws JMSException {
        checkClosed();
        return (Topic) destination;
    }

    static void checkDeliveryMode(int mode) throws JMSException {
        if (mode != DeliveryMode.PERSISTENT && mode != DeliveryMode.NON_PERSISTENT) {
            throw new JMSException("delivery mode " + mode + " is not valid; expected DeliveryMode.PERSISTENT (2) or NON_PERSISTENT (1)");
        }
    }

    static void checkPriority(int priority) throws JMSException {
        if (priority < 0 || priority > 9) {
            throw new JMSException("priority " + priority + " is out of range; it must be 0 to 9");
        }
    }

    // ---- send variants --------------------------------------------------------------------------

    @Override
    public void send(Message message) throws JMSException {
        sendToDefault(message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendToDefault(message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Destination destination, Message message) throws JMSException {
        sendTo(destination, message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendTo(destination, message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Message message, CompletionListener completionListener) throws JMSException {
        sendToDefault(message, deliveryMode, priority, timeToLive, requireListener(completionListener));
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive, CompletionListener completionListener) throws JMSException {
        sendToDefault(message, deliveryMode, priority, timeToLive, requireListener(completionListener));
    }

    @Override
    public void send(Destination destination, Message message, CompletionListener completionListener) throws JMSException {
        sendTo(destination, message, deliveryMode, priority, timeToLive, requireListener(completionListener));
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener completionListener) throws JMSException {
        sendTo(destination, message, deliveryMode, priority, timeToLive, requireListener(completionListener));
    }

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        sendTo(queue, message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void send(Queue queue, Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendTo(queue, message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void publish(Message message) throws JMSException {
        sendToDefault(message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void publish(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendToDefault(message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        sendTo(topic, message, deliveryMode, priority, timeToLive, null);
    }

    @Override
    public void publish(Topic topic, Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendTo(topic, message, deliveryMode, priority, timeToLive, null);
    }

    private static CompletionListener requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("completionListener is null; use a send method without one for a synchronous send");
        }
        return listener;
    }

    private void sendToDefault(Message message, int mode, int prio, long ttl, CompletionListener listener) throws JMSException {
        checkClosed();
        if (destinationRef == null) {
            throw new UnsupportedOperationException("this producer was created without a destination; use a send method that names one");
        }
        doSend(destinationRef, message, mode, prio, ttl, deliveryDelay, listener);
    }

    private void sendTo(Destination target, Message message, int mode, int prio, long ttl, CompletionListener listener) throws JMSException {
        checkClosed();
        if (destinationRef != null) {
            throw new UnsupportedOperationException("this producer was created with destination " + destinationRef
                    + "; use a send method without a destination");
        }
        if (target == null) {
            throw new InvalidDestinationException("destination is null; an unidentified producer needs a destination for each send");
        }
        doSend(MessageBridge.toRef(target), message, mode, prio, ttl, deliveryDelay, listener);
    }

    /**
     * Sends one message: stamps the headers on {@code message}, snapshots it and hands it to the
     * broker; waits when {@code listener} is null, except in a transacted session (only the commit
     * waits) and for a non-persistent message outside a transaction unless the factory says
     * {@code blockOnNonPersistentSend} ({@link UnconfirmedSends}).
     */
    void doSend(DestinationRef target, Message message, int mode, int prio, long ttl, long delay,
                CompletionListener listener) throws JMSException {
        checkClosed();
        if (message == null) {
            throw new MessageFormatException("message is null; there is nothing to send");
        }
        checkDeliveryMode(mode);
        checkPriority(prio);
        long now = System.currentTimeMillis();
        message.setJMSDestination(MessageBridge.toDestination(target));
        message.setJMSDeliveryMode(mode);
        message.setJMSPriority(prio);
        message.setJMSExpiration(ttl > 0 ? now + ttl : 0L);
        message.setJMSTimestamp(disableMessageTimestamp ? 0L : now);
        message.setJMSMessageID(disableMessageID ? null : session.connection().nextMessageId());
        message.setJMSDeliveryTime(now + Math.max(0L, delay));
        MessageData data = MessageBridge.toData(message);
        if (listener == null && session.getTransacted()) {
            session.transactedSends().send(() -> session.connection().broker().send(session.id(), data), "send to " + target);
        } else if (listener == null && mode == DeliveryMode.NON_PERSISTENT
                && !session.connection().blockOnNonPersistentSend()) {
            unconfirmed.send(() -> session.connection().broker().send(session.id(), data), "send to " + target);
        } else if (listener == null) {
            unconfirmed.throwFailure();
            session.connection().broker().sendAndWait(session.id(), data);
        } else {
            CompletionStage<Void> stage = session.connection().broker().send(session.id(), data);
            session.dispatcher().chainCompletion(stage,
                    () -> listener.onCompletion(message),
                    failure -> listener.onException(message, failure));
        }
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        if (session.dispatcher().isCompletionThread(Thread.currentThread())) {
            throw new IllegalStateException("a CompletionListener must not close its own producer");
        }
        session.dispatcher().awaitSendsComplete();
        try {
            unconfirmed.awaitAll();
        } finally {
            closed = true;
            session.producerClosed(this);
        }
    }

    @Override
    public String toString() {
        return "PetrelMessageProducer[" + (destinationRef == null ? "unidentified" : destinationRef) + "]";
    }
}
