package dev.petrel.transport.failover;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import dev.petrel.transport.BrokerUrl;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FailoverBrokerConnection against scripted member connections: what it sends to which member. */
class FailoverBrokerConnectionTest {

    private static final DestinationRef QUEUE = DestinationRef.queue("q");
    private static final ConsumerSpec SPEC = new ConsumerSpec(QUEUE, null, false, null, false, false, 7);

    private final Deque<ScriptedBroker> brokers = new ArrayDeque<>();
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final CompletableFuture<JMSException> failed = new CompletableFuture<>();
    private volatile CountDownLatch connectGate = new CountDownLatch(0);
    private FailoverBrokerConnection connection;

    private final ClientHandler client = new ClientHandler() {
        @Override
        public void deliver(Delivery delivery) {
            delivered.add(delivery);
        }

        @Override
        public void consumerClosed(long consumerId, JMSException reason) {
        }

        @Override
        public void connectionFailed(JMSException cause) {
            failed.complete(cause);
        }
    };

    private final TransportFactory scripted = new TransportFactory() {
        @Override
        public String scheme() {
            return "tcp";
        }

        @Override
        public BrokerConnection connect(ConnectRequest request, ClientHandler handler) throws JMSException {
            try {
                if (!connectGate.await(10, TimeUnit.SECONDS)) {
                    throw new JMSException("test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new JMSException("interrupted");
            }
            synchronized (brokers) {
                ScriptedBroker next = brokers.pollFirst();
                if (next == null) {
                    throw new JMSException("cannot connect to " + request.uri() + ": refused");
                }
                next.handler = handler;
                return next;
            }
        }
    };

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    private ScriptedBroker[] open(String options, String... names) throws JMSException {
        ScriptedBroker[] scriptedBrokers = new ScriptedBroker[names.length];
        for (int i = 0; i < names.length; i++) {
            scriptedBrokers[i] = new ScriptedBroker(names[i]);
            brokers.add(scriptedBrokers[i]);
        }
        BrokerUrl url = BrokerUrl.parse("failover:(tcp://a:1,tcp://b:2)" + options);
        FailoverOptions parsed = FailoverOptions.parse(url.options());
        connection = FailoverBrokerConnection.open(
                new MemberConnector(url.members(), parsed, null, null, scheme -> scripted), parsed, client);
        return scriptedBrokers;
    }

    private static final String FAST = "?initialReconnectDelay=1&maxReconnectDelay=5&maxReconnectAttempts=5&randomize=false"
            + "&reconnectTimeout=5000";

    @Test
    void failoverRecreatesClientIdTemporaryDestinationsSessionsAndConsumersWithFreshCreditOnTheNextMember() throws Exception {
        ScriptedBroker[] members = open(FAST, "a", "b");
        DestinationRef temporary = DestinationRef.queue("temp-1");
        connection.setClientId("client");
        connection.createTemporaryDestination(temporary);
        connection.createSession(1, Session.CLIENT_ACKNOWLEDGE);
        connection.createConsumer(1, 2, SPEC);

        members[0].lose();
        connection.checkDestination(QUEUE);

        assertEquals(List.of("clientId client", "temporary " + temporary, "session 1 mode 2",
                "consumer 2 of session 1 prefetch 7"), members[1].calls);
    }

    @Test
    void pendingSendCompletesExceptionallySayingItsOutcomeIsUnknownWhenTheMemberIsLost() throws Exception {
        ScriptedBroker[] members = open(FAST, "a", "b");
        connection.createSession(1, Session.AUTO_ACKNOWLEDGE);
        CompletionStage<Void> send = connection.send(1, null);

        members[0].lose();

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> send.toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertInstanceOf(JMSException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("outcome of a send is unknown"), e.getCause().getMessage());
    }

    @Test
    void acknowledgementOfADeliveryFromTheLostConnectionIsNotSentToTheNextMember() throws Exception {
        ScriptedBroker[] members = open(FAST, "a", "b");
        connection.createSession(1, Session.CLIENT_ACKNOWLEDGE);
        connection.createConsumer(1, 2, SPEC);
        members[0].deliver(2, 5);
        long oldId = delivered.get(0).deliveryId();

        members[0].lose();
        connection.checkDestination(QUEUE);
        members[1].deliver(2, 5);
        long newId = delivered.get(1).deliveryId();
        connection.acknowledge(1, List.of(oldId, newId));

        assertEquals("ack 1 [5]", members[1].calls.get(members[1].calls.size() - 1));
    }

    @Test
    void commitOfATransactedSessionThatSentBeforeFailoverThrowsTransactionRolledBack() throws Exception {
        ScriptedBroker[] members = open(FAST, "a", "b");
        connection.createSession(1, Session.SESSION_TRANSACTED);
        CompletionStage<Void> send = connection.send(1, null);
        members[0].confirmSends();
        send.toCompletableFuture().get(10, TimeUnit.SECONDS);

        members[0].lose();

        assertThrows(TransactionRolledBackException.class, () -> connection.commit(1, List.of()));
    }

    @Test
    void commitOfATransactedSessionThatConsumedBeforeFailoverRollsBackTheNewWorkAndThrows() throws Exception {
        ScriptedBroker[] members = open(FAST, "a", "b");
        connection.createSession(1, Session.SESSION_TRANSACTED);
        connection.createConsumer(1, 2, SPEC);
        members[0].deliver(2, 5);
        long oldId = delivered.get(0).deliveryId();
        members[0].lose();
        connection.checkDestination(QUEUE);
        members[1].deliver(2, 9);
        long newId = delivered.get(1).deliveryId();

        assertThrows(TransactionRolledBackException.class, () -> connection.commit(1, List.of(oldId, newId)));
        assertEquals("rollback 1 [9] []", members[1].calls.get(members[1].calls.size() - 1));
    }

    @Test
    void transactedSessionWithoutWorkCommitsNormallyAfterFailover() throws Exception {
        ScriptedBroker[] members = open(FAST, "a", "b");
        connection.createSession(1, Session.SESSION_TRANSACTED);

        members[0].lose();
        connection.commit(1, List.of());

        assertEquals("commit 1 []", members[1].calls.get(members[1].calls.size() - 1));
    }

    @Test
    void callDuringReconnectionFailsAfterTheReconnectTimeout() throws Exception {
        ScriptedBroker[] members = open("?initialReconnectDelay=1&maxReconnectDelay=5&maxReconnectAttempts=5"
                + "&randomize=false&reconnectTimeout=100", "a", "b");
        connectGate = new CountDownLatch(1);
        try {
            members[0].lose();

            JMSException e = assertThrows(JMSException.class, () -> connection.checkDestination(QUEUE));
            assertTrue(e.getMessage().contains("reconnectTimeout=100"), e.getMessage());
        } finally {
            connectGate.countDown();
        }
    }

    @Test
    void clientIsToldTheConnectionFailedWhenEveryAttemptFails() throws Exception {
        ScriptedBroker[] members = open(FAST, "a");

        members[0].lose();

        JMSException cause = failed.get(10, TimeUnit.SECONDS);
        assertTrue(cause.getMessage().contains("5 attempts"), cause.getMessage());
    }

    @Test
    void memberLostWhileItsStateWasBeingRestoredIsFailedOverFromAgain() throws Exception {
        ScriptedBroker[] members = open(FAST, "a", "b", "c");
        connection.createSession(1, Session.AUTO_ACKNOWLEDGE);
        members[1].loseAfterCreateSession = true;

        members[0].lose();
        connection.checkDestination(QUEUE);

        assertEquals(List.of("session 1 mode 1"), members[2].calls);
    }
}
