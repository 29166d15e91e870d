package dev.petrel.broker.admin;

import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.client.PetrelConnectionFactory;
import dev.petrel.management.ConnectionSummary;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Management of connections made over TCP by the JMS client. */
class AdminTcpTest {
    @TempDir
    Path dataDirectory;
    private AdminTestBroker broker;
    private TcpServer server;
    private Connection connection;

    @BeforeEach
    void startBrokerServerAndClient() throws Exception {
        broker = new AdminTestBroker(dataDirectory);
        server = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker.broker.broker());
        connection = new PetrelConnectionFactory(server.url()).createConnection("app", "pw");
        connection.setClientID("tcp-app");
    }

    @AfterEach
    void stopAll() throws Exception {
        try {
            connection.close();
        } finally {
            server.close();
            broker.close();
        }
    }

    @Test
    void aTcpConnectionIsListedWithItsRemoteAddressClientIdAndUser() {
        ConnectionSummary c = broker.admin.connections().get(0);
        assertTrue(c.remoteAddress().startsWith("127.0.0.1:"), c.remoteAddress());
        assertEquals("tcp-app", c.clientId());
        assertEquals("app", c.user());
    }

    @Test
    void closingATcpConnectionReachesTheApplicationsExceptionListener() throws Exception {
        LinkedBlockingQueue<JMSException> reported = new LinkedBlockingQueue<>();
        connection.setExceptionListener(reported::add);
        broker.admin.closeConnection(broker.admin.connections().get(0).id());
        JMSException reason = reported.poll(10, TimeUnit.SECONDS);
        assertNotNull(reason, "the application was told");
        assertTrue(reason.getMessage().contains("administrator"), reason.getMessage());
    }
}
