package dev.petrel.bench;

import dev.petrel.bench.provider.ProviderInfo;
import dev.petrel.bench.provider.Providers;
import dev.petrel.bench.report.ResultTable;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's entry point ({@code java -jar petrel-bench.jar [--quick] ...}, see {@link BenchOptions}).
 * Measures the machine's limits, then runs every provider in fresh worker JVMs, one after another
 * (never two at once), and prints one table to stdout, the tool's output; progress goes to stderr.
 *
 * <p>Quick mode: one worker per provider running every scenario in turn. Full mode: per round, the
 * machine probe, then for each scenario one worker per provider, the provider order rotated each
 * round. Exits 0 when every cell passed, 1 when any failed, 2 on a bad command line.
 */
public final class BenchLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(BenchLauncher.class);
    private static final long QUICK_WORKER_TIMEOUT_MILLIS = 150_000;
    private static final long FULL_SCENARIO_TIMEOUT_MILLIS = 900_000;
    private static final long MACHINE_TIMEOUT_MILLIS = 60_000;

    private final BenchOptions options;
    private final Path home;
    private final Path logDirectory;
    private final Results results = new Results();

    private BenchLauncher(BenchOptions options, Path home) {
        this.options = options;
        this.home = home;
        this.logDirectory = home.resolve("bench-logs");
    }

    public static void main(String[] args) throws Exception {
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path home = jarDirectory();
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, home.resolve("bench-data"));
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        BenchLauncher launcher = new BenchLauncher(options, home);
        String table = launcher.runAll();
        console.println(table);
        if (options.out() != null) {
            Files.writeString(options.out(), table, StandardCharsets.UTF_8);
        }
        System.exit(launcher.results.failures().isEmpty() ? 0 : 1);
    }

    private String runAll() throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<ProviderInfo> providers = options.providers().stream().map(Providers::require).toList();
        Settings settings = options.settings();
        for (int round = 1; round <= options.rounds(); round++) {
            settings = measureMachine(round, settings);
            List<ProviderInfo> order = new ArrayList<>(providers);
            Collections.rotate(order, -(round - 1));
            if (options.quick()) {
                for (ProviderInfo provider : order) {
                    runWorker(round, provider, options.scenarios(), settings,
                            QUICK_WORKER_TIMEOUT_MILLIS);
                }
            } else {
                for (String scenario : options.scenarios()) {
                    for (ProviderInfo provider : order) {
                        runWorker(round, provider, List.of(scenario), settings, FULL_SCENARIO_TIMEOUT_MILLIS);
                    }
                }
            }
        }
        LOG.info("finished in {} s", (System.nanoTime() - start) / 1_000_000_000);
        return ResultTable.render(results, providers, options.scenarios(), options.settings(), options.rounds());
    }

    /** Runs the machine probes; returns the settings with this round's measured sync time. */
    private Settings measureMachine(int round, Settings settings) throws IOException, InterruptedException {
        List<String> probes = List.of(WorkerMain.DISK_SYNC, WorkerMain.LOOPBACK);
        Path data = freshDirectory(round, WorkerMain.MACHINE, "probes");
        List<WorkerLine> lines = new WorkerProcess("256m", System.getProperty("java.class.path"),
                logDirectory.resolve("round" + round + "-machine.log"))
                .run(WorkerMain.MACHINE, probes, data, settings, MACHINE_TIMEOUT_MILLIS);
        deleteRecursively(data);
        record(WorkerMain.MACHINE, lines);
        long measured = lines.stream()
                .filter(l -> !l.isFailure() && l.scenario().equals(WorkerMain.DISK_SYNC) && l.metric().equals("p10Nanos"))
                .mapToLong(l -> Math.round(l.value())).findFirst().orElse(settings.syncNanos());
        long syncNanos = options.pinnedSyncNanos() > 0 ? options.pinnedSyncNanos() : measured;
        LOG.info("round {}: disk sync p10 {} µs; Artemis journal buffer timeout {} µs", round, measured / 1_000,
                syncNanos / 1_000);
        results.add(WorkerMain.MACHINE, "artemis", "bufferTimeoutMicros", syncNanos / 1_000.0);
        return settings.withSyncNanos(syncNanos);
    }

    private void runWorker(int round, ProviderInfo provider, List<String> scenarios, Settings settings,
                           long timeoutPerScenario) throws IOException, InterruptedException {
        String label = String.join("+", scenarios.size() > 1 ? List.of("all") : scenarios);
        Path data = freshDirectory(round, provider.id(), label);
        long timeout = options.quick() ? timeoutPerScenario : timeoutPerScenario * scenarios.size();
        LOG.info("round {}/{}: {} {}", round, options.rounds(), provider.id(), String.join(",", scenarios));
        Path log = logDirectory.resolve("round" + round + "-" + provider.id() + "-" + label + ".log");
        Path recording = options.profile() != null
                ? logDirectory.resolve("round" + round + "-" + provider.id() + "-" + label + ".jfr") : null;
        List<WorkerLine> lines = new WorkerProcess("2g", classpath(provider), log, recording, options.profile())
                .run(provider.id(), scenarios, data, settings, timeout);
        deleteRecursively(data);
        record(provider.id(), lines);
    }

    /** The launcher's classpath (petrel-bench.jar and, through its manifest, lib/) plus {@code lib-<family>/*}. */
    private String classpath(ProviderInfo provider) throws IOException {
        Path family = home.resolve("lib-" + provider.family());
        if (!Files.isDirectory(family)) {
            throw new IOException("no " + family + " for provider " + provider.id()
                    + ": build the benchmark with mvn -Pbench -pl bench/launcher -am package");
        }
        return System.getProperty("java.class.path") + java.io.File.pathSeparator + family.resolve("*");
    }

    private void record(String provider, List<WorkerLine> lines) {
        for (WorkerLine line : lines) {
            if (line.isFailure()) {
                LOG.warn("{} {} FAILED: {}", provider, line.scenario(), line.failure());
                results.fail(provider, line.scenario(), line.failure());
            } else {
                LOG.info("{} {} {} = {}", provider, line.scenario(), line.metric(), Math.round(line.value()));
                results.add(provider, line.scenario(), line.metric(), line.value());
            }
        }
    }

    private Path freshDirectory(int round, String provider, String label) throws IOException {
        Path dir = options.dataDirectory().resolve("round" + round + "-" + provider + "-" + label);
        deleteRecursively(dir);
        return Files.createDirectories(dir);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static Path jarDirectory() throws URISyntaxException {
        Path location = Path.of(BenchLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.isDirectory(location) ? location.getParent() : location.getParent();
    }
}
