package dev.petrel.dist;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bin/petrel hash-password} makes a hash that a started, secured broker accepts. */
class SecuredServerIT {
    @TempDir
    Path work;
    private Distribution dist;

    @AfterEach
    void stopServer() throws Exception {
        if (dist != null) {
            dist.petrel(work, "stop");
        }
    }

    @Test
    void userWithAHashFromHashPasswordConnectsAndOthersAreRefused() throws Exception {
        dist = new Distribution(work.resolve("logs"));
        Distribution.Result hashed = dist.petrelWithInput(work, "pa55word", "hash-password", "--iterations", "20000");
        assertEquals(0, hashed.exitCode(), hashed.output());
        String hash = hashed.output().strip();
        assertTrue(hash.startsWith("pbkdf2-sha256:20000:"), hash);
        int port = Distribution.freePort();
        Path config = Distribution.writeConfig(work.resolve("secure.conf"),
                "server.tcp.port = " + port,
                "broker.dataDirectory = " + work.resolve("data"),
                "security.enabled = true",
                "user.app.password = " + hash,
                "user.app.roles = apps",
                "permission.all.match = app.*",
                "permission.all.send = apps",
                "permission.all.consume = apps",
                "permission.all.admin = apps");
        Distribution.Result started = dist.petrel(work, "start", "--config", config.toString());
        assertEquals(0, started.exitCode(), started.output());

        PetrelConnectionFactory factory = new PetrelConnectionFactory("tcp://127.0.0.1:" + port);
        assertThrows(JMSSecurityException.class, () -> factory.createConnection("app", "wrong").close());
        try (Connection connection = factory.createConnection("app", "pa55word")) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("app.in")).send(session.createTextMessage("hi"));
            assertNotNull(session.createConsumer(session.createQueue("app.in")).receive(30_000));
            assertThrows(JMSSecurityException.class,
                    () -> session.createProducer(session.createQueue("other")).send(session.createTextMessage("no")));
        }
    }
}
