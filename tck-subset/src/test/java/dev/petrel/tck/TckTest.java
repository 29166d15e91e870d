package dev.petrel.tck;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Base class of the conformance tests: one broker per test class (see {@link PetrelBrokerExtension}),
 * a {@link ConnectionFactory} per test, names unique to the running test, and bounded waits.
 * Tests use only the {@code jakarta.jms} API.
 */
@ExtendWith(PetrelBrokerExtension.class)
@Timeout(60)
public abstract class TckTest {

    /** How long a test waits for a message it expects. */
    protected static final long TIMEOUT_MS = 5_000;
    /** How long a test waits for a message it expects NOT to arrive. */
    protected static final long ABSENCE_MS = 750;

    protected ConnectionFactory cf;
    protected TckBroker broker;
    private String baseName;
    private int counter;

    @BeforeEach
    void injectFixture(ConnectionFactory cf, TckBroker broker, TestInfo info) {
        this.cf = cf;
        this.broker = broker;
        String method = info.getTestMethod().map(Method::getName).orElse("test");
        this.baseName = method + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        this.counter = 0;
    }

    /** A destination, subscription or client ID name used by no other test. */
    protected String uniqueName() {
        return baseName + "_" + (++counter);
    }

    /** A started connection; the caller closes it. */
    protected Connection startedConnection() throws JMSException {
        Connection c = cf.createConnection();
        c.start();
        return c;
    }

    /** Receives the next message, failing if none arrives within {@link #TIMEOUT_MS}. */
    protected static Message receiveRequired(MessageConsumer consumer) throws JMSException {
        Message m = consumer.receive(TIMEOUT_MS);
        assertNotNull(m, "expected a message within " + TIMEOUT_MS + " ms");
        return m;
    }

    /** Receives the next message and returns its text, failing if none arrives. */
    protected static String receiveText(MessageConsumer consumer) throws JMSException {
        Message m = receiveRequired(consumer);
        assertTrue(m instanceof TextMessage, "expected a TextMessage, got " + m.getClass().getName());
        return ((TextMessage) m).getText();
    }

    /** Receives exactly {@code count} messages' texts, failing if one does not arrive in time. */
    protected static List<String> receiveTexts(MessageConsumer consumer, int count) throws JMSException {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(receiveText(consumer));
        }
        return texts;
    }

    /** Polls {@code condition} until it holds or {@link #TIMEOUT_MS} has passed. */
    protected static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out after " + TIMEOUT_MS + " ms waiting for " + what);
            }
            pause(10);
        }
    }

    /** Waits until the wall clock is past {@code epochMillis} (for expiry and delivery-delay tests). */
    protected static void awaitClockPast(long epochMillis) {
        while (System.currentTimeMillis() <= epochMillis) {
            pause(Math.max(1, Math.min(50, epochMillis - System.currentTimeMillis() + 1)));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
