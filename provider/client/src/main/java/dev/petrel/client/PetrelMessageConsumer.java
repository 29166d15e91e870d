package dev.petrel.client;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A message consumer: a buffer of the broker's deliveries for it, handed to {@code receive} callers
 * or, with a {@code MessageListener}, to the listener on its session's delivery thread. Returns
 * credit to the broker as the application consumes (in batches of half the prefetch).
 *
 * <p>Thread-safety: the buffer is guarded by a lock; the broker's {@link #enqueue} never blocks.
 * {@code receive} may be called from one application thread at a time (JMS session rules);
 * {@link #close()} from any thread, including this consumer's own listener.
 */
public class PetrelMessageConsumer implements MessageConsumer, QueueReceiver, TopicSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(PetrelMessageConsumer.class);
    private static final long PULL_INTERVAL_MILLIS = 100;

    private final PetrelSession session;
    private final long id;
    private final Destination destination;
    private final ConsumerSpec spec;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Delivery> buffer = new ArrayDeque<>();
    private final int creditBatch;
    private int creditOwed;
    private int returnedCredit;
    private volatile MessageListener listener;
    private volatile boolean closed;

    PetrelMessageConsumer(PetrelSession session, long id, Destination destination, ConsumerSpec spec) {
        this.session = session;
        this.id = id;
        this.destination = destination;
        this.spec = spec;
        this.creditBatch = Math.max(1, spec.prefetch() / 2);
    }

    long id() {
        return id;
    }

    ConsumerSpec spec() {
        return spec;
    }

    DestinationRef destinationRef() {
        return spec.destination();
    }

    boolean isClosed() {
        return closed;
    }

    /** True while a receive call waits for a delivery (for tests and diagnostics). */
    boolean hasWaitingReceiver() {
        lock.lock();
        try {
            return lock.hasWaiters(changed);
        } finally {
            lock.unlock();
        }
    }

    private void checkClosed() throws IllegalStateException {
        if (closed) {
            throw JmsExceptions.closed("message consumer");
        }
        session.checkClosed();
    }

    // ---- broker side ------------------------------------------------------------------------

    /** A delivery from the broker: buffered, and scheduled for the listener if there is one. Never blocks long. */
    void enqueue(Delivery delivery) {
        lock.lock();
        try {
            if (closed) {
                session.acknowledgements().orphan(List.of(delivery.deliveryId()));
                return;
            }
            buffer.addLast(delivery);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (listener != null) {
            session.dispatcher().submit(this::dispatchOne);
        }
    }

    /** The broker closed this consumer on its own (its temporary destination was deleted, ...). */
    void closedByBroker(JMSException reason) {
        LOG.info("consumer {} on {} was closed by the broker: {}", id, spec.destination(), reason == null ? "" : reason.getMessage());
        List<Long> left = markClosedAndDrain();
        session.acknowledgements().orphan(left);
        session.connection().unregisterConsumer(this);
        session.consumerClosed(this);
    }

    /** The session closed: the broker takes back everything with the session. */
    void closedWithSession() {
        markClosedAndDrain();
        session.connection().unregisterConsumer(this);
    }

    private List<Long> markClosedAndDrain() {
        lock.lock();
        try {
            closed = true;
            List<Long> ids = new ArrayList<>(buffer.size());
            buffer.forEach(d -> ids.add(d.deliveryId()));
            buffer.clear();
            changed.signalAll();
            return ids;
        } finally {
            lock.unlock();
        }
    }

    /** Takes every buffered delivery out (for rollback/recover, which hand them back to the broker). */
    List<Long> drainBuffer() {
        lock.lock();
        try {
            List<Long> ids = new ArrayList<>(buffer.size());
            buffer.forEach(d -> ids.add(d.deliveryId()));
            buffer.clear();
            returnedCredit += ids.size();
            return ids;
        } finally {
            lock.unlock();
        }
    }

    /** After drained deliveries went back to the broker: grants their credit again so it can redeliver. */
    void releaseReturnedCredit() {
        int grant;
        lock.lock();
        try {
            grant = returnedCredit;
            returnedCredit = 0;
        } finally {
            lock.unlock();
        }
        if (grant > 0 && !closed) {
            session.connection().broker().grantCredit(id, grant);
        }
    }

    /**
     * One delivery left the buffer for the application: returns its credit, in batches. Pulled
     * deliveries use credit too (the broker's count may go below zero), so they are returned alike.
     */
    private void releaseCredit() {
        int grant = 0;
        lock.lock();
        try {
            creditOwed++;
            if (creditOwed >= creditBatch) {
                grant = creditOwed;
                creditOwed = 0;
            }
        } finally {
            lock.unlock();
        }
        if (grant > 0 && !closed) {
            session.connection().broker().grantCredit(id, grant);
        }
    }

    // ---- listener -----------------------------------------------------------------------------

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkClosed();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener newListener) throws JMSException {
        checkClosed();
        this.listener = newListener;
        if (newListener != null) {
            scheduleBuffered();
        }
    }

    /** Wakes blocked receive calls so they see a closed consumer or a failed connection. */
    void wakeReceivers() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Schedules one listener call per buffered delivery (after start or setMessageListener); also wakes receivers. */
    void scheduleBuffered() {
        int pending;
        lock.lock();
        try {
            pending = buffer.size();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (listener != null) {
            for (int i = 0; i < pending; i++) {
                session.dispatcher().submit(this::dispatchOne);
            }
        }
    }

    private void dispatchOne() {
        session.dispatcher().runListener(
                () -> session.connection().isStarted() && !closed && listener != null,
                () -> {
                    Delivery delivery;
                    lock.lock();
                    try {
                        delivery = buffer.pollFirst();
                    } finally {
                        lock.unlock();
                    }
                    if (delivery != null) {
                        deliverToListener(delivery);
                    }
                });
    }

    private void deliverToListener(Delivery delivery) {
        MessageListener current = listener;
        SessionAcknowledgements acknowledgements = session.acknowledgements();
        try {
            acknowledgements.beforeNextMessage();
        } catch (JMSException e) {
            LOG.error("consumer {}: the acknowledgement of an earlier message failed; that message may be redelivered",
                    id, e);
        }
        acknowledgements.seen(delivery.deliveryId());
        releaseCredit();
        try {
            Message message = MessageBridge.fromDelivery(delivery, session);
            try {
                current.onMessage(message);
            } catch (RuntimeException e) {
                LOG.warn("MessageListener of consumer {} threw on delivery {}; {}", id, delivery.deliveryId(),
                        session.isAutoAcknowledging() ? "the message is redelivered" : "the message stays unacknowledged", e);
                session.listenerFailed();
                return;
            }
            acknowledgements.consumed(delivery.deliveryId(), delivery.message().isPersistent());
        } catch (JMSException e) {
            LOG.error("consumer {}: delivery {} could not be completed; it stays with the session until recover or close",
                    id, delivery.deliveryId(), e);
        }
    }

    // ---- synchronous receive ------------------------------------------------------------------

    @Override
    public Message receive() throws JMSException {
        return receive(0L, null);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        return receive(timeout <= 0 ? 0L : timeout, null);
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(-1L, null);
    }

    /**
     * Receives for {@code timeout} ms (0 forever, -1 no wait). With {@code bodyType} in AUTO/DUPS_OK mode,
     * a message whose body cannot be assigned to it stays first in the buffer and MessageFormatException is thrown.
     */
    Message receive(long timeout, Class<?> bodyType) throws JMSException {
        checkClosed();
        if (listener != null) {
            throw new IllegalStateException("consumer " + id + " has a MessageListener; synchronous receive is not allowed");
        }
        Delivery delivery = take(timeout);
        if (delivery == null) {
            return null;
        }
        SessionAcknowledgements acknowledgements = session.acknowledgements();
        try {
            acknowledgements.beforeNextMessage();
        } catch (JMSException e) {
            putBack(delivery);
            throw e;
        }
        Message message;
        try {
            message = MessageBridge.fromDelivery(delivery, session);
        } catch (RuntimeException e) {
            acknowledgements.seen(delivery.deliveryId());
            releaseCredit();
            throw e;
        }
        if (bodyType != null && acknowledgements.isAutoAcknowledging() && !message.isBodyAssignableTo(bodyType)) {
            putBack(delivery);
            throw new MessageFormatException("the message body cannot be assigned to " + bodyType.getName()
                    + "; the message was not acknowledged and will be received again");
        }
        acknowledgements.seen(delivery.deliveryId());
        releaseCredit();
        acknowledgements.consumed(delivery.deliveryId(), delivery.message().isPersistent());
        return message;
    }

    /** A delivery taken for receive goes back to the head of the buffer: it was not handed to the application. */
    private void putBack(Delivery delivery) {
        lock.lock();
        try {
            buffer.addFirst(delivery);
        } finally {
            lock.unlock();
        }
    }

    private Delivery take(long timeout) throws JMSException {
        boolean noWait = timeout < 0;
        long deadline = timeout > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout) : 0;
        boolean pulled = false;
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    return null;
                }
                JMSException failure = session.connection().failure();
                if (failure != null) {
                    throw JmsExceptions.wrap("the connection to the broker was lost: " + failure.getMessage(), failure);
                }
                boolean started = session.connection().isStarted();
                if (started && !buffer.isEmpty()) {
                    return buffer.pollFirst();
                }
                if (noWait || (timeout > 0 && deadline - System.nanoTime() <= 0)) {
                    if (!started || pulled) {
                        return null;
                    }
                    pulled = true;
                    pullUnlocked();
                    continue;
                }
                if (timeout > 0) {
                    changed.awaitNanos(deadline - System.nanoTime());
                } else if (spec.prefetch() == 0 && started) {
                    pullUnlocked();
                    if (buffer.isEmpty() && !closed) {
                        changed.await(PULL_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
                    }
                } else {
                    changed.await();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Calls the broker's pull with the lock released (the delivery arrives through {@link #enqueue}). */
    private void pullUnlocked() throws JMSException {
        lock.unlock();
        try {
            session.connection().broker().pull(id);
        } catch (JMSException e) {
            if (!closed) {
                throw e;
            }
            LOG.debug("pull for consumer {} raced with its close: {}", id, e.getMessage());
        } finally {
            lock.lock();
        }
    }

    // ---- close and getters --------------------------------------------------------------------

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        boolean fromOwnSession = session.dispatcher().isDeliveryThread(Thread.currentThread());
        List<Long> notSeen = markClosedAndDrain();
        if (!fromOwnSession) {
            session.dispatcher().awaitListenerIdle();
        }
        if (session.isClosed()) {
            return;
        }
        try {
            session.connection().broker().closeConsumer(id, notSeen);
        } finally {
            session.connection().unregisterConsumer(this);
            session.consumerClosed(this);
        }
        List<Long> late = markClosedAndDrain();
        if (!late.isEmpty()) {
            session.acknowledgements().orphan(late);
        }
    }

    @Override
    public String getMessageSelector() throws JMSException {
        checkClosed();
        return spec.selector();
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

    @Override
    public boolean getNoLocal() throws JMSException {
        checkClosed();
        return spec.noLocal();
    }

    @Override
    public String toString() {
        return "PetrelMessageConsumer[" + id + " on " + spec.destination() + "]";
    }
}
