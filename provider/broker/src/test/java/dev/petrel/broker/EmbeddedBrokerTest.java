package dev.petrel.broker;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import jakarta.jms.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.petrel.broker.BrokerFixture.consumer;
import static dev.petrel.broker.Messages.body;
import static dev.petrel.broker.Messages.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmbeddedBrokerTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("kept");

    @TempDir
    Path dataDirectory;

    private EmbeddedBroker start(String name) {
        return EmbeddedBroker.builder().name(name).dataDirectory(dataDirectory).start();
    }

    @Test
    void persistentMessageSurvivesAnEmbeddedBrokerRestartInItsDataDirectory() throws Exception {
        try (EmbeddedBroker broker = start("embedded-restart")) {
            BrokerConnection c = broker.broker().connect(null, null, new RecordingHandler());
            c.createSession(1, Session.AUTO_ACKNOWLEDGE);
            c.send(1, persistent(QUEUE, "across restarts")).toCompletableFuture().join();
        }
        try (EmbeddedBroker broker = start("embedded-restart")) {
            RecordingHandler client = new RecordingHandler();
            BrokerConnection c = broker.broker().connect(null, null, client);
            c.createSession(1, Session.AUTO_ACKNOWLEDGE);
            c.createConsumer(1, 10, consumer(QUEUE, 5));
            assertEquals("across restarts", body(client.next()));
        }
    }

    @Test
    void secondBrokerWithTheSameNameIsRefused() {
        try (EmbeddedBroker first = EmbeddedBroker.builder().name("embedded-twice").persistent(false).start()) {
            assertThrows(IllegalStateException.class,
                    () -> EmbeddedBroker.builder().name("embedded-twice").persistent(false).start());
        }
    }

    @Test
    void closeIsIdempotent() {
        EmbeddedBroker broker = start("embedded-close");
        broker.close();
        broker.close();

        assertThrows(jakarta.jms.IllegalStateException.class, () -> broker.broker().connect(null, null, new RecordingHandler()));
    }
}
