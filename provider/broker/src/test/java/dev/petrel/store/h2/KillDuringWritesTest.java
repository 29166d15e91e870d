package dev.petrel.store.h2;

import dev.petrel.store.StoredReference;
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
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM writes and reports each confirmed message; it is killed with SIGKILL mid-stream and
 * every confirmed message must be in the reopened store.
 */
class KillDuringWritesTest {
    private static final int CONFIRMATIONS_BEFORE_KILL = 3000;

    @TempDir
    Path directory;

    @RepeatedTest(3)
    void everyConfirmedWriteSurvivesAKilledProcessWithTheJournal() throws Exception {
        killMidStreamAndCheck(true);
    }

    @RepeatedTest(3)
    void everyConfirmedWriteSurvivesAKilledProcessWithoutTheJournal() throws Exception {
        killMidStreamAndCheck(false);
    }

    private void killMidStreamAndCheck(boolean journal) throws Exception {
        Set<Long> confirmed = new HashSet<>();
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashingWriterMain.class.getName(), directory.toString(), Boolean.toString(journal), "4");
        builder.redirectError(directory.resolve("child-stderr.txt").toFile());
        Process child = builder.start();
        List<String> failures = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("FAILED")) {
                    failures.add(line);
                } else {
                    confirmed.add(Long.parseLong(line.trim()));
                }
                if (confirmed.size() == CONFIRMATIONS_BEFORE_KILL) {
                    // SIGKILL through the handle: Process.destroyForcibly would also close stdout, and the
                    // ids the child printed before dying must still be read to the end.
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertEquals(List.of(), failures);
        assertTrue(confirmed.size() >= CONFIRMATIONS_BEFORE_KILL,
                "the child confirmed only " + confirmed.size() + " writes; see " + directory.resolve("child-stderr.txt"));
        try (H2MessageStore store = new H2MessageStore(H2StoreConfig.builder(directory).journal(journal).build())) {
            store.open();
            Set<Long> stored = new HashSet<>();
            for (StoredReference reference : store.readReferences(1, 0, Integer.MAX_VALUE)) {
                stored.add(reference.messageId());
            }
            Set<Long> lost = new TreeSet<>(confirmed);
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "confirmed but lost after kill -9 (" + confirmed.size() + " confirmed)");
        }
    }
}
