package dev.petrel.durability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backlog far bigger than the heap: 200,000 persistent 1 KiB messages (about 200 MiB of bodies)
 * on one queue in a broker JVM limited to {@code -Xmx256m}, drained in order. Passes only if the
 * queue pages: keeping the backlog in memory would run out of heap.
 */
class BacklogLargerThanHeapTest {
    private static final int MESSAGES = 200_000;

    @Test
    void backlogLargerThanTheHeapIsPagedAndDrainedInOrder(@TempDir Path work) throws Exception {
        Path output = work.resolve("paging.out");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PagingWorkload.class.getName(), work.resolve("data").toString(), Integer.toString(MESSAGES))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        boolean finished = child.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        String printed = String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        assertTrue(finished, "the paging workload finished within 15 minutes; it printed:\n" + printed);
        assertEquals(0, child.exitValue(), "paging workload exit code; it printed:\n" + printed);
        assertTrue(lines.contains("FILLED " + MESSAGES), "all messages were sent:\n" + printed);
        assertTrue(lines.contains("DRAINED " + MESSAGES + " IN_ORDER"), "all messages drained in order:\n" + printed);
        long heapAfterFill = lines.stream().filter(l -> l.startsWith("HEAP ")).mapToLong(l -> Long.parseLong(l.substring(5)))
                .findFirst().orElseThrow();
        assertTrue(heapAfterFill < 160L * 1024 * 1024,
                "heap after the fill stays bounded (paging), was " + heapAfterFill / (1024 * 1024) + " MiB");
    }
}
