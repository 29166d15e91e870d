package dev.petrel.durability;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real full disk, no mocks: the broker's store lives on a small tmpfs (4 MiB) mounted for the test,
 * with 64 KiB journal segments, and persistent 4 KiB messages are sent through the JMS API until a
 * send fails. Then the filesystem is grown and a new broker on the same directory must hold every
 * message whose send returned normally, once each, in order. Run with the journal (the default: H2,
 * written behind the journal by the applier, is what fills the disk; the journal keeps the data and
 * the next open replays it) and without (H2 itself fails the group's commit).
 *
 * <p>Needs permission to {@code mount -t tmpfs} (root, or CAP_SYS_ADMIN); where mounting is not
 * permitted (non-root CI) the test is skipped through {@link Assumptions#assumeTrue}. The mount is
 * always unmounted after the test.
 */
class FullDiskTest {
    private static final Logger LOG = LoggerFactory.getLogger(FullDiskTest.class);
    private static final String QUEUE = "full-disk";
    private static final String INDEX = "n";
    private static final int BODY_BYTES = 4096;
    /** Far more than 4 MiB of 4 KiB messages: the disk must fill long before. */
    private static final int MAX_SENDS = 5_000;
    private static final long COMMAND_SECONDS = 20;

    @TempDir
    Path temp;

    private Path mountPoint;
    private boolean mounted;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mountPoint = temp.resolve("small-disk");
        java.nio.file.Files.createDirectories(mountPoint);
        CommandResult result = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mountPoint.toString());
        Assumptions.assumeTrue(result.exitCode == 0,
                "mounting a tmpfs is not permitted here (needs root or CAP_SYS_ADMIN): " + result.output);
        mounted = true;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            CommandResult result = run("umount", mountPoint.toString());
            if (result.exitCode != 0) {
                // A busy mount (a file still open) would leave it behind: detach it lazily instead.
                LOG.warn("umount {} failed ({}); detaching it lazily", mountPoint, result.output);
                CommandResult lazy = run("umount", "-l", mountPoint.toString());
                assertEquals(0, lazy.exitCode, "umount -l " + mountPoint + ": " + lazy.output);
            }
        }
    }

    @ParameterizedTest(name = "journal {0}")
    @ValueSource(booleans = {true, false})
    void fullDiskFailsSendsWithResourceAllocationExceptionAndKeepsEveryConfirmedMessage(boolean journal)
            throws Exception {
        Path storeDirectory = mountPoint.resolve("store");
        SendsUntilFull sends = sendUntilFull(storeDirectory, journal);
        List<Integer> confirmed = sends.confirmed;
        JMSException failure = sends.failure;
        JMSException later = sends.later;
        assertInstanceOf(ResourceAllocationException.class, failure, () -> "failure was " + sends.failure);
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        assertTrue(failure.getMessage().contains(storeDirectory.toString()), failure.getMessage());
        assertInstanceOf(ResourceAllocationException.class, later, () -> "later send failed with " + sends.later);
        assertTrue(later.getMessage().contains("No space left on device"), later.getMessage());
        assertTrue(confirmed.size() > 50, "only " + confirmed.size() + " sends were confirmed before the disk filled");

        CommandResult grow = run("mount", "-o", "remount,size=64m", mountPoint.toString());
        assertEquals(0, grow.exitCode, "remount " + mountPoint + " with 64m: " + grow.output);

        List<Integer> recovered = drain(storeDirectory, journal);
        assertEquals(recovered.size(), new HashSet<>(recovered).size(), "no message is delivered twice");
        // A failed send is not delivered: with the journal, its group failed before its record was written
        // (the applier had failed) or the store refused it; without, H2's commit of it failed and reopening
        // finds H2's last complete state. JMS would allow an unknown outcome; the store leaves none here.
        assertEquals(confirmed, recovered, "every confirmed send, in order, and nothing else");
    }

    @Test
    void brokerOnAStillFullDiskFailsToStartClearlyAndLosesNothing() throws Exception {
        Path storeDirectory = mountPoint.resolve("store");
        SendsUntilFull sends = sendUntilFull(storeDirectory, true);

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> start("full-disk-2", storeDirectory, true).close(),
                "a broker cannot replay its journal into H2 on a disk that is still full");
        LOG.info("start on the still-full disk failed with: {}", refused.getMessage());
        assertTrue(refused.getMessage().contains(storeDirectory.toString()), refused.getMessage());
        assertTrue(refused.getMessage().contains("No space left on device"), refused.getMessage());

        CommandResult grow = run("mount", "-o", "remount,size=64m", mountPoint.toString());
        assertEquals(0, grow.exitCode, "remount " + mountPoint + " with 64m: " + grow.output);
        assertEquals(sends.confirmed, drain(storeDirectory, true), "every confirmed send, in order, and nothing else");
    }

    /** Sends the first send that failed, a send after it, and the sends confirmed before. */
    private record SendsUntilFull(List<Integer> confirmed, JMSException failure, JMSException later) {
    }

    /** Sends persistent 4 KiB messages until a send fails, then one more; the broker is closed after. */
    private static SendsUntilFull sendUntilFull(Path storeDirectory, boolean journal) throws JMSException {
        List<Integer> confirmed = new ArrayList<>();
        JMSException failure = null;
        JMSException later;
        try (EmbeddedBroker broker = start("full-disk-1", storeDirectory, journal);
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            int n = 0;
            while (failure == null && n < MAX_SENDS) {
                try {
                    producer.send(message(session, n, BODY_BYTES));
                    confirmed.add(n);
                } catch (JMSException e) {
                    failure = e;
                }
                n++;
            }
            assertNotNull(failure, "a 4 MiB filesystem took " + MAX_SENDS + " persistent 4 KiB messages");
            int next = n;
            later = assertThrows(JMSException.class, () -> producer.send(message(session, next, BODY_BYTES)),
                    "a send after the store failed must fail too");
        }
        LOG.info("disk full after {} confirmed sends; first failure: {}; later: {}", confirmed.size(),
                failure.getMessage(), later.getMessage());
        return new SendsUntilFull(confirmed, failure, later);
    }

    @Test
    void journalAppendThatFindsTheDiskFullFailsTheSendAndKeepsEarlierMessages() throws Exception {
        Path storeDirectory = mountPoint.resolve("store");
        List<Integer> confirmed = new ArrayList<>();
        try (EmbeddedBroker broker = start("full-disk-1", storeDirectory, true);
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int n = 0; n < 10; n++) {
                producer.send(message(session, n, BODY_BYTES));
                confirmed.add(n);
            }
        }
        JMSException failure;
        JMSException later;
        Path filler = mountPoint.resolve("filler");
        try (EmbeddedBroker broker = start("full-disk-2", storeDirectory, true);
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            fill(filler);
            // Larger than a 64 KiB segment: its journal record grows the segment file, which needs new space,
            // while H2 (the applier has nothing to apply) does not write at all.
            failure = assertThrows(JMSException.class, () -> producer.send(message(session, 10, 80 * 1024)),
                    "a send whose journal record finds the disk full must fail");
            later = assertThrows(JMSException.class, () -> producer.send(message(session, 11, BODY_BYTES)),
                    "a send after the journal failed must fail too");
        }
        LOG.info("journal append on a full disk failed with: {}; later: {}", failure.getMessage(), later.getMessage());
        JMSException first = failure;
        JMSException after = later;
        assertInstanceOf(ResourceAllocationException.class, failure, () -> "failure was " + first);
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        assertTrue(failure.getMessage().contains(storeDirectory.toString()), failure.getMessage());
        assertInstanceOf(ResourceAllocationException.class, later, () -> "later send failed with " + after);

        java.nio.file.Files.delete(filler);
        assertEquals(confirmed, drain(storeDirectory, true), "the messages confirmed before, once each, in order,"
                + " and not the two that failed");
    }

    /** Writes {@code file} until the filesystem has no space left. */
    private static void fill(Path file) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(4096);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    channel.write(chunk);
                }
            }
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("No space left on device")) {
                throw e;
            }
        }
    }

    private static EmbeddedBroker start(String name, Path storeDirectory, boolean journal) {
        return EmbeddedBroker.builder()
                .name(name)
                .dataDirectory(storeDirectory)
                .store(new H2MessageStore(H2StoreConfig.builder(storeDirectory)
                        .journal(journal)
                        .segmentSize(64 * 1024)
                        .maxApplyLagBytes(256 * 1024)
                        .build()))
                .start();
    }

    private static Message message(Session session, int n, int bytes) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        byte[] body = new byte[bytes];
        java.util.Arrays.fill(body, (byte) n);
        message.writeBytes(body);
        message.setIntProperty(INDEX, n);
        return message;
    }

    private static List<Integer> drain(Path storeDirectory, boolean journal) throws JMSException {
        List<Integer> received = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        try (EmbeddedBroker broker = start("full-disk-2", storeDirectory, journal);
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            Message message;
            while ((message = consumer.receive(2000)) != null) {
                int n = message.getIntProperty(INDEX);
                received.add(n);
                if (!seen.add(n)) {
                    fail("message " + n + " delivered twice");
                }
            }
            session.commit();
        }
        return received;
    }

    private record CommandResult(int exitCode, String output) {
    }

    /** Runs a command with a bounded wait; a command that hangs is killed and reported as failed. */
    private static CommandResult run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new CommandResult(-1, String.join(" ", command) + " did not finish within " + COMMAND_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return new CommandResult(process.exitValue(), output);
    }
}
