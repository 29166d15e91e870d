package dev.petrel.tck.connection;

import dev.petrel.tck.PetrelBrokerExtension;
import dev.petrel.tck.TckBroker;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jakarta Messaging 3.1 §6.1.8: when the provider detects a serious problem with a connection it
 * informs the connection's ExceptionListener. Each test stops its own broker under an open connection.
 */
@Timeout(60)
class ConnectionFailureTest {

    private static final long TIMEOUT_MS = 10_000;

    private Path dataDirectory;
    private TckBroker broker;

    @BeforeEach
    void startBroker() throws IOException {
        dataDirectory = Files.createTempDirectory("petrel-tck-failure-");
        broker = TckBroker.start("tck-failure-" + UUID.randomUUID().toString().substring(0, 8), dataDirectory);
    }

    @AfterEach
    void stopBroker() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            PetrelBrokerExtension.deleteRecursively(dataDirectory);
        }
    }

    private void stopTheBroker() {
        broker.close();
        broker = null;
    }

    @Test
    void exceptionListenerIsToldWhenTheBrokerGoesAway() throws Exception {
        Connection c = broker.connectionFactory().createConnection();
        try {
            CountDownLatch told = new CountDownLatch(1);
            AtomicReference<JMSException> reported = new AtomicReference<>();
            c.setExceptionListener(e -> {
                reported.set(e);
                told.countDown();
            });
            c.start();
            stopTheBroker();
            assertTrue(told.await(TIMEOUT_MS, TimeUnit.MILLISECONDS), "the ExceptionListener was not called");
            assertNotNull(reported.get());
        } finally {
            assertDoesNotThrow(c::close, "closing a failed connection must not throw");
        }
    }

    @Test
    void sendOnAConnectionWhoseBrokerHasGoneThrowsJmsException() throws Exception {
        Connection c = broker.connectionFactory().createConnection();
        try {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue("failure_q"));
            p.send(s.createTextMessage("before"));
            stopTheBroker();
            assertThrows(JMSException.class, () -> p.send(s.createTextMessage("after")));
        } finally {
            assertDoesNotThrow(c::close, "closing a failed connection must not throw");
        }
    }
}
