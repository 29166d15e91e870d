package dev.petrel.broker.server;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.TransactionRolledBackException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broker errors come back to the caller as the same JMS exception type with the same message. */
class TcpErrorTest extends ServerTestSupport {

    private final RecordingClientHandler handler = new RecordingClientHandler();

    @BeforeEach
    void startServer() throws Exception {
        start();
    }

    @Test
    void invalidClientIdComesBackAsInvalidClientIdException() throws Exception {
        BrokerConnection client = connect(handler);
        endpoint.connection(0).failNext = new InvalidClientIDException("client id 'a' is in use", "CID");
        InvalidClientIDException e = assertThrows(InvalidClientIDException.class, () -> client.setClientId("a"));
        assertEquals("client id 'a' is in use", e.getMessage());
        assertEquals("CID", e.getErrorCode());
    }

    @Test
    void invalidSelectorComesBackAsInvalidSelectorException() throws Exception {
        BrokerConnection client = connect(handler);
        endpoint.connection(0).failNext = new InvalidSelectorException("bad selector 'a >'");
        assertThrows(InvalidSelectorException.class, () -> client.openBrowser(1, 1, DestinationRef.queue("q"), "a >"));
    }

    @Test
    void rolledBackCommitComesBackAsTransactionRolledBackException() throws Exception {
        BrokerConnection client = connect(handler);
        endpoint.connection(0).failNext = new TransactionRolledBackException("store failed");
        assertThrows(TransactionRolledBackException.class, () -> client.commit(1, List.of()));
    }

    @Test
    void illegalStateComesBackAsTheJmsIllegalStateException() throws Exception {
        BrokerConnection client = connect(handler);
        endpoint.connection(0).failNext = new IllegalStateException("subscription has an active consumer");
        assertThrows(IllegalStateException.class, () -> client.unsubscribe("s"));
    }

    @Test
    void failedSendCompletesItsStageWithTheBrokersException() throws Exception {
        BrokerConnection client = connect(handler);
        endpoint.connection(0).failNext = new InvalidDestinationException("no queue 'orders'");
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.send(1, message("m")).toCompletableFuture().get());
        assertInstanceOf(InvalidDestinationException.class, e.getCause());
        assertEquals("no queue 'orders'", e.getCause().getMessage());
    }

    @Test
    void brokerBugComesBackAsPlainJmsExceptionAndTheConnectionGoesOn() throws Exception {
        BrokerConnection client = connect(handler);
        endpoint.connection(0).crashNext = new NullPointerException("oops");
        JMSException e = assertThrows(JMSException.class, () -> client.acknowledge(1, List.of(1L)));
        assertEquals(JMSException.class, e.getClass());
        assertTrue(e.getMessage().contains("oops"), e.getMessage());
        client.acknowledge(1, List.of(2L));
    }

    @Test
    void wrongCredentialsFailConnectWithJmsSecurityException() {
        endpoint.refuseWith = new JMSSecurityException("user 'alice' is not allowed");
        JMSSecurityException e = assertThrows(JMSSecurityException.class, () -> connect(handler));
        assertEquals("user 'alice' is not allowed", e.getMessage());
    }

    @Test
    void callAfterCloseFailsWithIllegalStateException() throws Exception {
        BrokerConnection client = connect(handler);
        client.close();
        assertThrows(IllegalStateException.class, () -> client.createSession(1, 1));
    }
}
