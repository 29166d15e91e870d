package dev.petrel.client;

import dev.petrel.transport.ConnectRequest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PetrelConnectionFactoryTest {

    private static String stubUrl(String query) {
        return StubTransportFactory.SCHEME + "://" + UUID.randomUUID() + (query.isEmpty() ? "" : "?" + query);
    }

    @Test
    void urlOptionsSetPrefetchClientIdUserAndPassword() {
        PetrelConnectionFactory factory = new PetrelConnectionFactory("vm://b?prefetch=500&clientID=c1&user=u&password=p");
        assertEquals(500, factory.getPrefetch());
        assertEquals("c1", factory.getClientID());
        assertEquals("u", factory.getUser());
        assertEquals("p", factory.getPassword());
    }

    @Test
    void setterCalledAfterTheUrlOverridesItsOption() {
        PetrelConnectionFactory factory = new PetrelConnectionFactory("vm://b?prefetch=500");
        factory.setPrefetch(7);
        assertEquals(7, factory.getPrefetch());
    }

    @Test
    void beanDefaultsToDefaultPrefetch() {
        assertEquals(PetrelConnectionFactory.DEFAULT_PREFETCH, new PetrelConnectionFactory().getPrefetch());
    }

    @Test
    void nonNumericPrefetchOptionIsRejectedNamingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PetrelConnectionFactory("vm://b?prefetch=lots"));
        assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
    }

    @Test
    void negativePrefetchIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelConnectionFactory().setPrefetch(-1));
    }

    @Test
    void unknownSchemeGivesJmsExceptionListingTheKnownSchemes() {
        PetrelConnectionFactory factory = new PetrelConnectionFactory("nosuch://b");
        JMSException e = assertThrows(JMSException.class, factory::createConnection);
        assertTrue(e.getMessage().contains("'nosuch'"), e.getMessage());
        assertTrue(e.getMessage().contains(StubTransportFactory.SCHEME), e.getMessage());
    }

    @Test
    void createConnectionUsesTheTransportOfTheUrlSchemeWithCredentialsAndOptions() throws JMSException {
        String url = stubUrl("prefetch=3&custom=x");
        PetrelConnectionFactory factory = new PetrelConnectionFactory(url);
        try (Connection connection = factory.createConnection("alice", "secret")) {
            assertInstanceOf(PetrelConnection.class, connection);
            String authority = url.substring(url.indexOf("//") + 2, url.indexOf('?'));
            ConnectRequest request = StubTransportFactory.REQUESTS.get(authority);
            assertEquals("alice", request.username());
            assertEquals("secret", request.password());
            assertEquals("x", request.options().get("custom"));
        }
    }

    @Test
    void factoryClientIdIsSetOnEveryConnection() throws JMSException {
        PetrelConnectionFactory factory = new PetrelConnectionFactory(stubUrl("clientID=fixed"));
        try (Connection connection = factory.createConnection()) {
            assertEquals("fixed", connection.getClientID());
        }
    }

    @Test
    void createContextWithInvalidSessionModeThrowsJmsRuntimeException() {
        PetrelConnectionFactory factory = new PetrelConnectionFactory(stubUrl(""));
        assertThrows(JMSRuntimeException.class, () -> factory.createContext(7));
    }

    @Test
    void factorySurvivesSerializationWithItsProperties() throws Exception {
        PetrelConnectionFactory factory = new PetrelConnectionFactory("vm://b?prefetch=12");
        factory.setUser("u");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(factory);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            PetrelConnectionFactory copy = (PetrelConnectionFactory) in.readObject();
            assertEquals("vm://b?prefetch=12", copy.getBrokerURL());
            assertEquals(12, copy.getPrefetch());
            assertEquals("u", copy.getUser());
        }
    }
}
