package dev.petrel.dist;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the built distribution's {@code bin/petrel start}, {@code status} and {@code stop}; this
 * test JVM is the client, over tcp:// and ssl://.
 */
class ServerCommandsIT {
    private static final int MESSAGES = 20;

    @TempDir
    Path work;
    private Distribution dist;

    @AfterEach
    void stopServer() throws Exception {
        if (dist != null) {
            dist.petrel(work, "stop");
        }
    }

    private Path config(int tcpPort, int sslPort) throws Exception {
        Distribution.makeKeyStores(work);
        return Distribution.writeConfig(work.resolve("petrel.conf"),
                "# written by ServerCommandsIT",
                "server.tcp.port = " + tcpPort,
                "server.ssl.port = " + sslPort,
                "server.ssl.keyStore = " + work.resolve("server.p12"),
                "server.ssl.keyStorePassword = " + Distribution.STORE_PASSWORD,
                "broker.dataDirectory = " + work.resolve("data"));
    }

    @Test
    void startedBrokerKeepsPersistentMessagesSentOverTcpAcrossARestartAndDeliversThemOverSsl() throws Exception {
        int tcpPort = Distribution.freePort();
        int sslPort = Distribution.freePort();
        Path config = config(tcpPort, sslPort);
        dist = new Distribution(work.resolve("logs"));

        Distribution.Result started = dist.petrel(work, "start", "--config", config.toString());
        assertEquals(0, started.exitCode(), "bin/petrel start:\n" + started.output());
        assertTrue(started.output().contains("tcp://127.0.0.1:" + tcpPort) && started.output().contains("ssl://127.0.0.1:" + sslPort),
                "start reports where it listens:\n" + started.output());
        send(new PetrelConnectionFactory("tcp://127.0.0.1:" + tcpPort));

        Distribution.Result stopped = dist.petrel(work, "stop");
        assertEquals(0, stopped.exitCode(), "bin/petrel stop:\n" + stopped.output());
        assertTrue(Files.readString(dist.logFile()).contains("stopped cleanly"), "the log tells of a clean stop");
        Distribution.Result restarted = dist.petrel(work, "start", "--config", config.toString());
        assertEquals(0, restarted.exitCode(), "second bin/petrel start:\n" + restarted.output());

        String ssl = "ssl://127.0.0.1:" + sslPort + "?trustStore=" + work.resolve("trust.p12")
                + "&trustStorePassword=" + Distribution.STORE_PASSWORD;
        assertEquals(MESSAGES, receive(new PetrelConnectionFactory(ssl)));
    }

    @Test
    void statusTellsWhetherTheBrokerRunsAndStopEndsIt() throws Exception {
        Path config = config(Distribution.freePort(), Distribution.freePort());
        dist = new Distribution(work.resolve("logs"));
        assertEquals(3, dist.petrel(work, "status").exitCode(), "status before start");
        Distribution.Result started = dist.petrel(work, "start", "--config", config.toString());
        assertEquals(0, started.exitCode(), "bin/petrel start:\n" + started.output());

        Distribution.Result running = dist.petrel(work, "status");
        assertEquals(0, running.exitCode(), running.output());
        assertTrue(running.output().contains("running (pid "), running.output());
        Distribution.Result stopped = dist.petrel(work, "stop");
        assertTrue(stopped.output().contains("stopped (pid "), stopped.output());
        Distribution.Result after = dist.petrel(work, "status");
        assertEquals(3, after.exitCode(), after.output());
    }

    private static void send(PetrelConnectionFactory factory) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("it.orders"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createTextMessage("order " + i));
            }
        }
    }

    private static int receive(PetrelConnectionFactory factory) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("it.orders"));
            int received = 0;
            for (int i = 0; i < MESSAGES; i++) {
                TextMessage message = (TextMessage) consumer.receive(30_000);
                assertNotNull(message, "message " + i + " of " + MESSAGES + " after the restart");
                assertEquals("order " + i, message.getText());
                received++;
            }
            return received;
        }
    }
}
