package dev.petrel.client;

import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PetrelConnectionTest {

    private final StubBroker broker = new StubBroker();

    @Test
    void setClientIdBeforeAnyOtherActionReachesTheBroker() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.setClientID("c1");
        assertEquals("c1", connection.getClientID());
        assertEquals(List.of("setClientId c1"), broker.callsStartingWith("setClientId"));
    }

    @Test
    void setClientIdAfterCreateSessionThrowsIllegalStateException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.createSession();
        assertThrows(IllegalStateException.class, () -> connection.setClientID("c1"));
    }

    @Test
    void setClientIdTwiceThrowsIllegalStateException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.setClientID("c1");
        assertThrows(IllegalStateException.class, () -> connection.setClientID("c2"));
    }

    @Test
    void setClientIdOnConnectionWithFactoryClientIdThrowsIllegalStateException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker, "admin", 10);
        assertThrows(IllegalStateException.class, () -> connection.setClientID("c1"));
    }

    @Test
    void clientIdInUseAtTheBrokerGivesInvalidClientIdException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        broker.clientIdFailure = new InvalidClientIDException("client id 'c1' is in use");
        assertThrows(InvalidClientIDException.class, () -> connection.setClientID("c1"));
    }

    @Test
    void emptyClientIdGivesInvalidClientIdException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        assertThrows(InvalidClientIDException.class, () -> connection.setClientID(""));
    }

    @Test
    void clientIdIsNullWhenNoneWasSet() throws JMSException {
        assertNull(StubConnections.open(broker).getClientID());
    }

    @Test
    void invalidSessionModeGivesJmsException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        assertThrows(JMSException.class, () -> connection.createSession(9));
    }

    @Test
    void transactedFlagWinsOverTheAcknowledgeMode() throws JMSException {
        Session session = StubConnections.open(broker).createSession(true, Session.CLIENT_ACKNOWLEDGE);
        assertEquals(Session.SESSION_TRANSACTED, session.getAcknowledgeMode());
    }

    @Test
    void closedConnectionRejectsCreateSessionWithIllegalStateException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.close();
        assertThrows(IllegalStateException.class, connection::createSession);
    }

    @Test
    void closedConnectionRejectsGetClientIdWithIllegalStateException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.close();
        assertThrows(IllegalStateException.class, connection::getClientID);
    }

    @Test
    void closedConnectionRejectsStartWithIllegalStateException() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.close();
        assertThrows(IllegalStateException.class, connection::start);
    }

    @Test
    void closeTwiceIsHarmlessAndClosesTheBrokerConnectionOnce() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        connection.close();
        connection.close();
        assertEquals(List.of("close"), broker.callsStartingWith("close"));
    }

    @Test
    void closeClosesTheConnectionsSessions() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        Session session = connection.createSession();
        connection.close();
        assertThrows(IllegalStateException.class, session::getAcknowledgeMode);
    }

    @Test
    void metaDataReportsJms31AndPetrel() throws JMSException {
        ConnectionMetaData metaData = StubConnections.open(broker).getMetaData();
        assertEquals("3.1", metaData.getJMSVersion());
        assertEquals(3, metaData.getJMSMajorVersion());
        assertEquals(1, metaData.getJMSMinorVersion());
        assertEquals("Petrel", metaData.getJMSProviderName());
    }

    @Test
    void metaDataListsTheSupportedJmsxProperties() throws JMSException {
        List<String> names = Collections.list(StubConnections.open(broker).getMetaData().getJMSXPropertyNames());
        assertTrue(names.containsAll(List.of("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq")), names.toString());
    }

    @Test
    void exceptionListenerIsToldWhenTheBrokerReportsAFailure() throws Exception {
        PetrelConnection connection = StubConnections.open(broker);
        List<JMSException> seen = new CopyOnWriteArrayList<>();
        connection.setExceptionListener(seen::add);
        JMSException failure = new JMSException("broker went away");
        connection.connectionFailed(failure);
        Polling.until(() -> !seen.isEmpty(), "the ExceptionListener to be called");
        assertEquals(new ArrayList<>(List.of(failure)), new ArrayList<>(seen));
    }

    @Test
    void createConnectionConsumerIsNotSupported() throws JMSException {
        PetrelConnection connection = StubConnections.open(broker);
        JMSException e = assertThrows(JMSException.class,
                () -> connection.createConnectionConsumer((jakarta.jms.Queue) () -> "q", null, null, 1));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void closeSucceedsWhenTheBrokerAlreadyDroppedTheConnection() throws JMSException {
        StubBroker gone = new StubBroker() {
            @Override
            public void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException {
                throw new IllegalStateException("connection stub-1 is closed");
            }
        };
        PetrelConnection connection = StubConnections.open(gone);
        connection.createSession();
        connection.close();
        assertTrue(gone.closed);
    }
}
