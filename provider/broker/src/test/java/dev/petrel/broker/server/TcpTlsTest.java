package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.tcp.SslTransportFactory;
import dev.petrel.transport.tcp.TcpTransportFactory;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TcpTlsTest extends ServerTestSupport {

    @TempDir
    static Path dir;
    private static Path serverKeys;
    private static Path serverTrust;
    private static Path clientKeys;
    private static Path clientTrust;
    private static Path strangerKeys;

    /** keytool is slow (a JVM per call): every store is made once for the class. */
    @BeforeAll
    static void makeCertificates() throws Exception {
        serverKeys = TestCertificates.keyStore(dir, "broker");
        serverTrust = TestCertificates.trustStoreFor(dir, serverKeys, "broker");
        clientKeys = TestCertificates.keyStore(dir, "client");
        clientTrust = TestCertificates.trustStoreFor(dir, clientKeys, "client");
        strangerKeys = TestCertificates.keyStore(dir, "stranger");
    }

    private BrokerConnection connectSsl(Map<String, String> options) throws JMSException {
        URI uri = URI.create("ssl://127.0.0.1:" + server.port());
        return closeLater(new SslTransportFactory().connect(new ConnectRequest(uri, options, "alice", "secret"),
                new RecordingClientHandler()));
    }

    private Map<String, String> trusting(Path trustStore) {
        Map<String, String> options = new HashMap<>();
        options.put("trustStore", trustStore.toString());
        options.put("trustStorePassword", TestCertificates.PASSWORD);
        return options;
    }

    @Test
    void clientTrustingTheServerCertificateWorksOverSsl() throws Exception {
        start(config().keyStore(serverKeys, TestCertificates.PASSWORD));
        BrokerConnection client = connectSsl(trusting(serverTrust));
        client.commit(1, List.of(3L));
        assertEquals(List.of(1L, List.of(3L)), endpoint.connection(0).last("commit").args());
        assertEquals("ssl", endpoint.requests.get(0).uri().getScheme());
        assertTrue(server.url().startsWith("ssl://"), server.url());
    }

    @Test
    void storeSettingsAreNotSentToTheBroker() throws Exception {
        start(config().keyStore(serverKeys, TestCertificates.PASSWORD));
        Map<String, String> options = trusting(serverTrust);
        options.put("prefetch", "7");
        connectSsl(options);
        assertEquals(Map.of("prefetch", "7"), endpoint.requests.get(0).options());
    }

    @Test
    void clientNotTrustingTheServerCertificateCannotConnectAndTheServerGoesOn() throws Exception {
        start(config().keyStore(serverKeys, TestCertificates.PASSWORD));
        Path wrongTrust = strangerKeys; // trusts only the stranger's own certificate
        JMSException e = assertThrows(JMSException.class, () -> connectSsl(trusting(wrongTrust)));
        assertTrue(e.getMessage().contains("ssl://127.0.0.1:" + server.port()), e.getMessage());
        connectSsl(trusting(serverTrust)).createSession(1, 1);
    }

    @Test
    void serverRequiringClientCertificatesAcceptsATrustedOne() throws Exception {
        start(config().keyStore(serverKeys, TestCertificates.PASSWORD)
                .trustStore(clientTrust, TestCertificates.PASSWORD)
                .needClientAuth(true));
        Map<String, String> options = trusting(serverTrust);
        options.put("keyStore", clientKeys.toString());
        options.put("keyStorePassword", TestCertificates.PASSWORD);
        connectSsl(options).createSession(1, 1);
        assertEquals(List.of(1L, 1), endpoint.connection(0).last("createSession").args());
    }

    @Test
    void serverRequiringClientCertificatesRefusesAClientWithout() throws Exception {
        start(config().keyStore(serverKeys, TestCertificates.PASSWORD)
                .trustStore(clientTrust, TestCertificates.PASSWORD)
                .needClientAuth(true));
        Map<String, String> options = trusting(serverTrust);
        assertThrows(JMSException.class, () -> connectSsl(options));
        assertTrue(endpoint.requests.isEmpty());
    }

    @Test
    void plainTcpClientAgainstATlsServerFailsCleanly() throws Exception {
        start(config().keyStore(serverKeys, TestCertificates.PASSWORD).handshakeTimeoutMillis(2_000));
        URI uri = URI.create("tcp://127.0.0.1:" + server.port() + "");
        assertThrows(JMSException.class, () -> new TcpTransportFactory().connect(
                new ConnectRequest(uri, Map.of("connectTimeout", "2000"), null, null), new RecordingClientHandler()));
    }
}
