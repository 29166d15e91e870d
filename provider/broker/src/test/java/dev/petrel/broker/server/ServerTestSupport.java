package dev.petrel.broker.server;

import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.tcp.TcpTransportFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a {@link TcpServer} on an ephemeral 127.0.0.1 port over a {@link RecordingEndpoint}; closes everything after each test. */
abstract class ServerTestSupport {

    final RecordingEndpoint endpoint = new RecordingEndpoint();
    TcpServer server;
    private final List<AutoCloseable> resources = new ArrayList<>();

    static TcpServerConfig.Builder config() {
        return TcpServerConfig.builder().bindHost("127.0.0.1").port(0);
    }

    TcpServer start(TcpServerConfig.Builder config) throws IOException {
        server = TcpServer.start(config.build(), endpoint);
        resources.add(server);
        return server;
    }

    TcpServer start() throws IOException {
        return start(config());
    }

    BrokerConnection connect(RecordingClientHandler handler) throws JMSException {
        return connect(Map.of(), handler);
    }

    BrokerConnection connect(Map<String, String> options, RecordingClientHandler handler) throws JMSException {
        BrokerConnection connection = new TcpTransportFactory().connect(
                new ConnectRequest(URI.create(server.url()), options, "alice", "secret"), handler);
        resources.add(0, connection);
        return connection;
    }

    <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(0, resource);
        return resource;
    }

    @AfterEach
    void closeAll() throws Exception {
        Exception first = null;
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }

    static MessageData message(String text) {
        return new MessageData("ID:" + text, 1L, null, null, null, DestinationRef.queue("orders"),
                DeliveryMode.PERSISTENT, 4, 0, 0, null, Map.of("k", "v"), BodyType.TEXT,
                text.getBytes(StandardCharsets.UTF_8));
    }

    static String text(MessageData message) {
        return new String(message.body(), StandardCharsets.UTF_8);
    }
}
