package dev.petrel.broker.security;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Authentication and per-destination authorization, over vm:// and tcp://. Alice (role app) may do
 * everything on {@code orders.*}; Bob (role reader) may only consume there; on {@code open.*} both
 * may send but nobody may create.
 */
class SecurityEnforcementTest {
    private static final String ALICE_PW = "alice-pw";
    private static final String BOB_PW = "bob-pw";

    @TempDir
    Path data;
    private EmbeddedBroker broker;
    private TcpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private PetrelConnectionFactory start(String transport) throws Exception {
        Map<Action, Set<String>> orders = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            orders.put(action, Set.of("app"));
        }
        orders.put(Action.CONSUME, Set.of("app", "reader"));
        RoleBasedSecurity security = new RoleBasedSecurity(
                Map.of("alice", new UserAccount("alice", PasswordHash.create(ALICE_PW.toCharArray(), 10_000), Set.of("app")),
                        "bob", new UserAccount("bob", PasswordHash.create(BOB_PW.toCharArray(), 10_000), Set.of("reader"))),
                List.of(new Permission(new NamePattern("orders.*"), orders),
                        new Permission(new NamePattern("open.*"), Map.of(Action.SEND, Set.of("app", "reader")))),
                Set.of("app"));
        broker = EmbeddedBroker.builder().name("secure-" + transport + "-" + System.nanoTime()).dataDirectory(data)
                .authenticator(security).authorizer(security).start();
        broker.broker().declareQueue("orders.a");
        broker.broker().declareQueue("open.a");
        if (transport.equals("tcp")) {
            server = TcpServer.start(TcpServerConfig.builder().port(0).build(), broker.broker());
            return new PetrelConnectionFactory(server.url());
        }
        return new PetrelConnectionFactory(broker.url());
    }

    private static void assertNamesUserActionDestination(JMSSecurityException e, String user, String action, String destination) {
        assertTrue(e.getMessage().contains("'" + user + "'") && e.getMessage().contains(action)
                && e.getMessage().contains(destination), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void wrongPasswordIsRefusedNamingTheUserButNotThePassword(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> factory.createConnection("alice", "guess-123").close());
        assertTrue(e.getMessage().contains("alice"), e.getMessage());
        assertFalse(e.getMessage().contains("guess-123"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void missingCredentialsAreRefused(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        assertThrows(JMSSecurityException.class, () -> factory.createConnection().close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void unknownUserIsRefused(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        assertThrows(JMSSecurityException.class, () -> factory.createConnection("mallory", ALICE_PW).close());
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void sendWithoutPermissionIsRefusedNamingUserActionAndDestination(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("bob", BOB_PW)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("orders.a"));
            JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> producer.send(session.createTextMessage("x")));
            assertNamesUserActionDestination(e, "bob", "send", "orders.a");
        }
    }

    /**
     * A transacted send does not wait for the broker's answer: in-VM the refusal is thrown by the
     * send itself; over tcp it may come after the send returned, and then the commit rolls the whole
     * transaction back. Either way no message of that transaction reaches the queue, and the session goes on.
     */
    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void aRefusedSendInATransactionNeverLetsItCommit(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("bob", BOB_PW)) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer allowed = session.createProducer(session.createQueue("open.a"));
            MessageProducer refused = session.createProducer(session.createQueue("orders.a"));
            allowed.send(session.createTextMessage("before"));
            JMSException failure;
            try {
                refused.send(session.createTextMessage("refused"));
                allowed.send(session.createTextMessage("after"));
                failure = assertThrows(TransactionRolledBackException.class, session::commit);
                assertTrue(failure.getMessage().contains("rolled back") && failure.getCause() instanceof JMSSecurityException,
                        failure.getMessage());
                failure = (JMSSecurityException) failure.getCause();
            } catch (JMSSecurityException atOnce) {
                failure = atOnce;
                session.rollback();
            }
            assertNamesUserActionDestination((JMSSecurityException) failure, "bob", "send", "orders.a");
            assertEquals(0, broker.broker().admin().queue("open.a").orElseThrow().depth(), "nothing of the refused transaction");
            allowed.send(session.createTextMessage("next"));
            session.commit();
            assertEquals(1, broker.broker().admin().queue("open.a").orElseThrow().depth(), "the next transaction");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void consumeWithoutPermissionIsRefused(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("bob", BOB_PW)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> session.createConsumer(session.createQueue("open.a")));
            assertNamesUserActionDestination(e, "bob", "consume", "open.a");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void browseWithoutPermissionIsRefused(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("bob", BOB_PW)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            JMSSecurityException e = assertThrows(JMSSecurityException.class,
                    () -> session.createBrowser(session.createQueue("orders.a")).getEnumeration().hasMoreElements());
            assertNamesUserActionDestination(e, "bob", "browse", "orders.a");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void durableSubscriptionWithoutPermissionIsRefused(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection alice = factory.createConnection("alice", ALICE_PW);
             Connection bob = factory.createConnection("bob", BOB_PW)) {
            Session aliceSession = alice.createSession(false, Session.AUTO_ACKNOWLEDGE);
            aliceSession.createConsumer(aliceSession.createTopic("orders.events")).close();
            bob.setClientID("bob-client");
            Session session = bob.createSession(false, Session.AUTO_ACKNOWLEDGE);
            JMSSecurityException e = assertThrows(JMSSecurityException.class,
                    () -> session.createDurableSubscriber(session.createTopic("orders.events"), "bob-sub"));
            assertNamesUserActionDestination(e, "bob", "durable subscription", "orders.events");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void temporaryQueueWithoutPermissionIsRefused(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("bob", BOB_PW)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            JMSSecurityException e = assertThrows(JMSSecurityException.class, session::createTemporaryQueue);
            assertTrue(e.getMessage().contains("'bob'") && e.getMessage().contains("temporary"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void creatingADestinationWithoutAdministerPermissionIsRefused(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("alice", ALICE_PW)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(null);
            JMSSecurityException e = assertThrows(JMSSecurityException.class,
                    () -> producer.send(session.createQueue("open.new"), session.createTextMessage("x")));
            assertNamesUserActionDestination(e, "alice", "administer", "open.new");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void permittedUserSendsAndReceivesPersistentMessages(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("alice", ALICE_PW)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("orders.created"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.send(session.createTextMessage("hello"));
            session.createTemporaryQueue().delete();
            Message received = session.createConsumer(session.createQueue("orders.created")).receive(10_000);
            assertNotNull(received);
            assertEquals("hello", ((TextMessage) received).getText());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm", "tcp"})
    void readerConsumesWhereItIsAllowed(String transport) throws Exception {
        PetrelConnectionFactory factory = start(transport);
        try (Connection connection = factory.createConnection("bob", BOB_PW)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertNotNull(session.createConsumer(session.createQueue("orders.a")));
        } catch (JMSException e) {
            throw new AssertionError("bob may consume from orders.a: " + e.getMessage(), e);
        }
    }
}
