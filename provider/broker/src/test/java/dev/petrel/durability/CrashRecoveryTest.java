package dev.petrel.durability;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Kills a broker with SIGKILL in the middle of concurrent persistent sends and acknowledgements,
 * restarts it on the same data directory, and checks that every send that returned is there
 * exactly once and that no acknowledged message comes back.
 */
class CrashRecoveryTest {

    @RepeatedTest(value = 4, name = "kill -9 round {currentRepetition} of {totalRepetitions}")
    void everyConfirmedSendSurvivesAKillAndNoAcknowledgedMessageComesBack(@TempDir Path data) throws Exception {
        Confirmations confirmed = runWorkloadAndKill(data, 1500 + ThreadLocalRandom.current().nextInt(3000));

        List<Long> recovered = drainAfterRestart(data);

        Set<Long> unique = new HashSet<>(recovered);
        assertEquals(recovered.size(), unique.size(), "no message is recovered twice");
        for (long id : confirmed.acknowledged) {
            assertTrue(!unique.contains(id), "acknowledged message " + id + " must not come back after the crash");
        }
        List<Long> lost = new ArrayList<>();
        for (long id : confirmed.sent) {
            // A message received but not reported acknowledged may have been acknowledged just before the kill.
            if (!unique.contains(id) && !confirmed.acknowledged.contains(id) && !confirmed.received.contains(id)) {
                lost.add(id);
            }
        }
        assertTrue(lost.isEmpty(), lost.size() + " confirmed sends lost, e.g. " + lost.subList(0, Math.min(10, lost.size()))
                + " (confirmed " + confirmed.sent.size() + ", acknowledged " + confirmed.acknowledged.size()
                + ", recovered " + recovered.size() + ")");
        assertTrue(confirmed.acknowledged.size() > 0, "the workload acknowledged messages before the kill");
    }

    /** What the child reported: sends that returned, messages received, acknowledgements that returned. */
    private record Confirmations(Set<Long> sent, Set<Long> received, Set<Long> acknowledged) {
    }

    /** Runs {@link CrashWorkload} in a child JVM until it has confirmed {@code sendsBeforeKill} sends, then kills it. */
    private static Confirmations runWorkloadAndKill(Path data, int sendsBeforeKill) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWorkload.class.getName(), data.toString())
                .redirectErrorStream(true)
                .start();
        Set<Long> sent = new HashSet<>();
        Set<Long> received = new HashSet<>();
        Set<Long> acknowledged = new HashSet<>();
        List<String> other = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean killed = false;
            // After the kill, read on to the end: lines the child wrote before it died are still in the pipe.
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("S ")) {
                    sent.add(Long.parseLong(line.substring(2)));
                } else if (line.startsWith("R ")) {
                    received.add(Long.parseLong(line.substring(2)));
                } else if (line.startsWith("A ")) {
                    acknowledged.add(Long.parseLong(line.substring(2)));
                } else if (!line.equals("READY") && other.size() < 50) {
                    other.add(line);
                }
                if (!killed && (sent.size() >= sendsBeforeKill || System.nanoTime() > deadline)) {
                    // SIGKILL: no shutdown hooks, no clean close. Through the handle, so that our end of
                    // the child's stdout stays open (Process.destroyForcibly would close it).
                    child.toHandle().destroyForcibly();
                    killed = true;
                }
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child JVM ended after SIGKILL");
        } finally {
            child.toHandle().destroyForcibly();
        }
        if (sent.size() < sendsBeforeKill) {
            fail("workload confirmed only " + sent.size() + " sends before the deadline; it printed: " + other);
        }
        return new Confirmations(sent, received, acknowledged);
    }

    private static List<Long> drainAfterRestart(Path data) throws Exception {
        List<Long> recovered = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("crash-check").dataDirectory(data).start();
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(CrashWorkload.QUEUE));
            Message message;
            while ((message = consumer.receive(2000)) != null) {
                recovered.add(message.getLongProperty(CrashWorkload.ID));
            }
            session.commit();
        }
        return recovered;
    }
}
