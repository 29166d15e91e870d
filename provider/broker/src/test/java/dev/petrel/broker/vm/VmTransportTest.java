package dev.petrel.broker.vm;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.Delivery;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VmTransportTest {

    private static final ClientHandler IGNORING = new ClientHandler() {
        @Override
        public void deliver(Delivery delivery) {
        }

        @Override
        public void consumerClosed(long consumerId, JMSException reason) {
        }

        @Override
        public void connectionFailed(JMSException cause) {
        }
    };

    private static TransportFactory vmFactory() {
        return ServiceLoader.load(TransportFactory.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(f -> f.scheme().equals("vm"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no vm transport registered"));
    }

    @Test
    void vmUrlConnectsToTheEmbeddedBrokerOfThatName() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("vm-test-a").persistent(false).start()) {
            BrokerConnection c = vmFactory().connect(
                    new ConnectRequest(URI.create(broker.url()), Map.of(), null, null), IGNORING);
            assertEquals("vm-test-a", c.info().brokerName());
            c.close();
        }
    }

    @Test
    void vmUrlNamingNoRunningBrokerFailsSayingSo() {
        JMSException e = assertThrows(JMSException.class, () -> vmFactory().connect(
                new ConnectRequest(URI.create("vm://nobody-here"), Map.of(), null, null), IGNORING));
        assertTrue(e.getMessage().contains("no embedded broker named 'nobody-here' is running in this JVM"), e.getMessage());
    }

    @Test
    void closedEmbeddedBrokerIsNoLongerReachable() {
        EmbeddedBroker broker = EmbeddedBroker.builder().name("vm-test-b").persistent(false).start();
        broker.close();
        broker.close();

        assertThrows(JMSException.class, () -> vmFactory().connect(
                new ConnectRequest(URI.create("vm://vm-test-b"), Map.of(), null, null), IGNORING));
    }
}
