package dev.petrel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one worker JVM ({@code java -Xms2g -Xmx2g -cp <classpath> WorkerMain ...}) to completion
 * or its deadline, its stderr to a log file, and returns the {@link WorkerLine}s it printed.
 * A worker past its deadline is killed (that process only) and reported as a failure of every
 * scenario it had not reported yet.
 *
 * <p>Threading: one call at a time per instance; the stdout reader runs on the calling thread.
 */
final class WorkerProcess {
    private final String heap;
    private final String classpath;
    private final Path logFile;
    private final Path recording;
    private final String jfrSettings;

    /**
     * @param heap      {@code -Xms}/{@code -Xmx} value, e.g. {@code 2g}
     * @param classpath the worker's classpath: the launcher's own plus its provider family's folder
     * @param logFile   where the worker's stderr goes
     */
    WorkerProcess(String heap, String classpath, Path logFile) {
        this(heap, classpath, logFile, null, null);
    }

    /**
     * @param recording where the worker writes a JFR recording, or null for none
     * @param jfrSettings the recording's JFR settings ({@code profile} or a .jfc path)
     */
    WorkerProcess(String heap, String classpath, Path logFile, Path recording, String jfrSettings) {
        this.heap = heap;
        this.classpath = classpath;
        this.logFile = logFile;
        this.recording = recording;
        this.jfrSettings = jfrSettings;
    }

    List<WorkerLine> run(String provider, List<String> scenarios, Path dataDirectory, Settings settings,
                         long timeoutMillis) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        if (recording != null) {
            command.add("-XX:StartFlightRecording=settings=" + jfrSettings + ",filename=" + recording);
        }
        command.addAll(List.of("-cp", classpath, WorkerMain.class.getName(),
                provider, String.join(",", scenarios), dataDirectory.toString()));
        command.addAll(settings.toArguments());
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(false)
                .redirectError(logFile.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        process.getOutputStream().close();
        List<WorkerLine> lines = new ArrayList<>();
        Thread watchdog = new Thread(() -> {
            try {
                if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }, "worker-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        long start = System.nanoTime();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                WorkerLine.parse(line).ifPresent(lines::add);
            }
        }
        int exit = process.waitFor();
        watchdog.join();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        for (String scenario : scenarios) {
            boolean reported = lines.stream().anyMatch(l -> l.scenario().equals(scenario));
            if (!reported) {
                String why = elapsedMillis >= timeoutMillis
                        ? "worker killed after its " + timeoutMillis + " ms deadline"
                        : "worker exited with status " + exit + " before reporting";
                lines.add(WorkerLine.failure(scenario, why + " (log: " + logFile + ")"));
            }
        }
        return lines;
    }
}
