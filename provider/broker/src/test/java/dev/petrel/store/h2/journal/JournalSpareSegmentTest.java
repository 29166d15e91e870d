package dev.petrel.store.h2.journal;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer keeps a preallocated spare segment file ready, so a roll does not write a segment of zeros inline. */
class JournalSpareSegmentTest {
    private static final int SEGMENT = 64 * 1024;

    @TempDir
    Path directory;

    private List<Path> spares() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().startsWith("journal-free-")).toList();
        }
    }

    private List<Path> awaitOneSpare() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        List<Path> spares = spares();
        while (spares.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            spares = spares();
        }
        assertEquals(1, spares.size(), "spare segment files: " + spares);
        assertEquals(SEGMENT, Files.size(spares.get(0)), "the spare is preallocated to the segment size");
        return spares;
    }

    @Test
    void aSpareSegmentIsPreallocatedAfterOpeningAndAgainAfterARollTakesIt() throws Exception {
        try (JournalWriter writer = JournalWriter.create(directory, 0, SEGMENT)) {
            Path first = awaitOneSpare().get(0);
            long id = 0;
            while (writer.confirmedPosition() < SEGMENT) {
                id++;
                writer.append(List.of(new StoreBatch().add(new StoreOperation.AddMessage(id, new byte[1000]))));
            }
            Path second = awaitOneSpare().get(0);
            assertTrue(!Files.exists(first) && !first.equals(second), "the roll took the first spare: " + first);
        }
        assertEquals(List.of(), spares(), "close removes the spare");
    }
}
