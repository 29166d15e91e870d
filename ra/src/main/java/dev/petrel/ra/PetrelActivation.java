package dev.petrel.ra;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MDB's activation: {@code effectiveSessions()} worker threads, each with its own connection,
 * session and consumer, delivering to a {@link MessageEndpoint}. When the endpoint's delivery is
 * transacted, each receive happens between {@code beforeDelivery} and {@code afterDelivery} with
 * the session's XA resource enlisted, so a rolled-back container transaction makes the broker
 * redeliver (and dead-letter past its limit). Otherwise the session acknowledges per client
 * acknowledge: after {@code onMessage} returns, or {@code recover()} when it throws.
 *
 * <p>A lost connection (broker restart) is retried with exponential backoff from 1 s to 30 s,
 * each failure logged, until the activation is stopped.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} from the server's threads; each worker owns
 * its JMS objects; the stop flag and the stop latch are the only shared state.
 */
final class PetrelActivation {

    private static final Logger LOG = LoggerFactory.getLogger(PetrelActivation.class);
    private static final Method ON_MESSAGE;
    private static final long RECEIVE_TIMEOUT_MS = 1000;
    private static final long MAX_BACKOFF_MS = 30_000;
    private static final long STOP_GRACE_MS = 10_000;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final PetrelResourceAdapter adapter;
    private final MessageEndpointFactory endpointFactory;
    private final PetrelActivationSpec spec;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Thread> workers = new ArrayList<>();
    private final List<XAConnection> connections = new java.util.concurrent.CopyOnWriteArrayList<>();

    PetrelActivation(PetrelResourceAdapter adapter, MessageEndpointFactory endpointFactory, PetrelActivationSpec spec) {
        this.adapter = adapter;
        this.endpointFactory = endpointFactory;
        this.spec = spec;
    }

    void start() {
        for (int i = 0; i < spec.effectiveSessions(); i++) {
            Thread worker = new Thread(this::run, "petrel-mdb-" + spec.destinationName() + "-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        LOG.info("Petrel activation {} started with {} session(s)", spec, workers.size());
    }

    /**
     * Stops the workers: each finishes the delivery in progress (its receive waits at most
     * {@value #RECEIVE_TIMEOUT_MS} ms) and completes its container transaction, then closes its own
     * connection. Closing a connection under a worker would fail the commit of its transaction (a
     * heuristic hazard for the transaction manager), so that is done only to a worker still busy
     * after {@value #STOP_GRACE_MS} ms.
     */
    void stop() {
        stopped.countDown();
        if (!joinWorkers(STOP_GRACE_MS)) {
            LOG.warn("Petrel activation {}: a delivery is still running after {} ms; closing its connection", spec,
                    STOP_GRACE_MS);
            for (XAConnection connection : connections) {
                PetrelResourceAdapter.closeQuietlyLogged(connection);
            }
            if (!joinWorkers(STOP_GRACE_MS)) {
                LOG.warn("Petrel activation {}: worker(s) did not stop within {} ms of their connection closing", spec,
                        STOP_GRACE_MS);
            }
        }
        LOG.info("Petrel activation {} stopped", spec);
    }

    /** Whether every worker ended within {@code timeoutMs}. */
    private boolean joinWorkers(long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (Thread worker : workers) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            try {
                if (left > 0) {
                    worker.join(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (worker.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private boolean isStopped() {
        return stopped.getCount() == 0;
    }

    private void run() {
        long backoff = 1000;
        while (!isStopped()) {
            XAConnection connection = null;
            try {
                connection = adapter.connectionFactory().createXAConnection();
                connections.add(connection);
                if (spec.getClientId() != null && !spec.getClientId().isBlank()) {
                    connection.setClientID(spec.getClientId());
                }
                boolean transacted = endpointFactory.isDeliveryTransacted(ON_MESSAGE);
                if (transacted) {
                    XASession xa = connection.createXASession();
                    connection.start();
                    backoff = 1000;
                    deliverTransacted(xa, consumer(xa.getSession()));
                } else {
                    Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                    connection.start();
                    backoff = 1000;
                    deliverAcknowledged(session, consumer(session));
                }
            } catch (Exception e) {
                if (isStopped()) {
                    break;
                }
                LOG.warn("Petrel activation {} lost its connection to {}; reconnecting in {} ms", spec,
                        adapter.getBrokerURL(), backoff, e);
            } finally {
                if (connection != null) {
                    connections.remove(connection);
                    PetrelResourceAdapter.closeQuietlyLogged(connection);
                }
            }
            try {
                if (stopped.await(backoff, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        }
    }

    private MessageConsumer consumer(Session session) throws JMSException, NamingException {
        Destination destination = destination(session);
        String selector = spec.getMessageSelector();
        if (destination instanceof Topic topic) {
            String name = spec.getSubscriptionName();
            if (spec.isDurable()) {
                return spec.getSubscriptionShared() ? session.createSharedDurableConsumer(topic, name, selector)
                        : session.createDurableConsumer(topic, name, selector, false);
            }
            if (spec.getSubscriptionShared()) {
                return session.createSharedConsumer(topic, name, selector);
            }
        }
        return session.createConsumer(destination, selector);
    }

    private Destination destination(Session session) throws JMSException, NamingException {
        String lookup = spec.getDestinationLookup();
        if (lookup != null && !lookup.isBlank()) {
            return (Destination) new InitialContext().lookup(lookup);
        }
        return spec.isTopic() ? session.createTopic(spec.getDestination()) : session.createQueue(spec.getDestination());
    }

    private void deliverTransacted(XASession session, MessageConsumer consumer) throws Exception {
        MessageEndpoint endpoint = createEndpoint(session);
        try {
            while (!isStopped()) {
                endpoint.beforeDelivery(ON_MESSAGE);
                try {
                    Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                    if (message != null) {
                        onMessage(endpoint, message);
                    }
                } finally {
                    endpoint.afterDelivery();
                }
            }
        } finally {
            endpoint.release();
        }
    }

    private void deliverAcknowledged(Session session, MessageConsumer consumer) throws Exception {
        MessageEndpoint endpoint = createEndpoint(null);
        try {
            while (!isStopped()) {
                Message message = consumer.receive(RECEIVE_TIMEOUT_MS);
                if (message == null) {
                    continue;
                }
                if (onMessage(endpoint, message)) {
                    message.acknowledge();
                } else {
                    session.recover();
                }
            }
        } finally {
            endpoint.release();
        }
    }

    private MessageEndpoint createEndpoint(XASession session) throws UnavailableException, InterruptedException {
        while (true) {
            try {
                return endpointFactory.createEndpoint(session == null ? null : session.getXAResource(), RECEIVE_TIMEOUT_MS);
            } catch (UnavailableException e) {
                // the container is not ready yet (still deploying): wait and ask again
                if (stopped.await(RECEIVE_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    throw e;
                }
            }
        }
    }

    /** True when the endpoint consumed the message; false (logged) when it threw. */
    private boolean onMessage(MessageEndpoint endpoint, Message message) {
        try {
            ((MessageListener) endpoint).onMessage(message);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("MDB on {} threw on message {}; it will be redelivered", spec.destinationName(),
                    messageId(message), e);
            return false;
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(unknown id: " + e.getMessage() + ")";
        }
    }
}
