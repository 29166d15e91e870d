package dev.petrel.store.h2;

import dev.petrel.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store directory held by another process cannot be opened; the error names the directory and the pid. */
class DirectoryLockAcrossProcessesTest {
    @TempDir
    Path directory;

    @Test
    void openingADirectoryAnotherProcessHoldsFailsNamingItsPid() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashingWriterMain.class.getName(), directory.toString(), "true", "1")
                .redirectError(directory.resolve("child-stderr.txt").toFile())
                .start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            assertNotNull(lines.readLine(), "the child wrote nothing; see " + directory.resolve("child-stderr.txt"));
            H2MessageStore store = new H2MessageStore(H2StoreConfig.builder(directory).build());
            StoreException failure = assertThrows(StoreException.class, store::open);
            assertTrue(failure.getMessage().contains(directory.toRealPath().toString()), failure.getMessage());
            assertTrue(failure.getMessage().contains("pid " + child.pid()), failure.getMessage());
        } finally {
            child.toHandle().destroyForcibly();
            child.waitFor();
        }
    }
}
