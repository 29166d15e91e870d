package dev.petrel.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs {@code bin/petrel demo} from the built distribution, as the README tells a new user to. */
class DemoCommandIT {

    @Test
    void demoCommandReceivesEveryPersistentMessageAfterTheRestart(@TempDir Path work) throws Exception {
        Path home = Path.of(System.getProperty("petrel.home"));
        Path output = work.resolve("demo.out");
        Process process = new ProcessBuilder(home.resolve("bin/petrel").toString(), "demo",
                work.resolve("data").toString(), "25")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "bin/petrel demo finished within 120 s");
        String printed = read(output);
        assertEquals(0, process.exitValue(), "bin/petrel demo exit code; it printed:\n" + printed);
        assertTrue(printed.contains("sent 25 persistent messages"), "demo reports the sends:\n" + printed);
        assertTrue(printed.contains("received 25 of 25 persistent messages after the restart: nothing lost"),
                "demo reports every message back after the restart:\n" + printed);
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
