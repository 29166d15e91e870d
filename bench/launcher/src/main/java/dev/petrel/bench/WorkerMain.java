package dev.petrel.bench;

import dev.petrel.bench.limits.DiskSyncProbe;
import dev.petrel.bench.limits.LoopbackProbe;
import dev.petrel.bench.provider.BenchProvider;
import dev.petrel.bench.provider.Providers;
import dev.petrel.bench.scenario.Scenario;
import dev.petrel.bench.scenario.Scenarios;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker JVM: {@code WorkerMain <provider> <scenario,...> <data dir> key=value...}. Starts one
 * provider (or, for provider {@code machine}, measures the machine), runs the scenarios in order on
 * it, and writes one {@link WorkerLine} per metric or failure to stdout, the launcher's channel.
 * Everything else, libraries' stray prints included, goes to stderr. A failed scenario does not stop
 * the next one. Exits 0 when every scenario passed, 1 otherwise.
 */
public final class WorkerMain {
    public static final String MACHINE = "machine";
    public static final String DISK_SYNC = "disk-sync";
    public static final String LOOPBACK = "loopback";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);

    private WorkerMain() {
    }

    public static void main(String[] args) {
        PrintStream channel = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        if (args.length < 3) {
            channel.println(WorkerLine.failure("worker", "usage: WorkerMain <provider> <scenario,...> <data dir> key=value..."
                    + " (got " + Arrays.toString(args) + ")").format());
            System.exit(2);
        }
        String providerId = args[0];
        List<String> scenarioIds = List.of(args[1].split(","));
        Path dataDirectory = Path.of(args[2]);
        Settings settings = Settings.fromArguments(Arrays.asList(args).subList(3, args.length));
        boolean passed = MACHINE.equals(providerId)
                ? measureMachine(scenarioIds, dataDirectory, settings, channel)
                : runScenarios(providerId, scenarioIds, dataDirectory, settings, channel);
        System.exit(passed ? 0 : 1);
    }

    private static boolean measureMachine(List<String> probes, Path dataDirectory, Settings settings, PrintStream channel) {
        boolean passed = true;
        for (String probe : probes) {
            try {
                Map<String, Double> metrics = switch (probe) {
                    case DISK_SYNC -> DiskSyncProbe.run(dataDirectory, settings.probeMillis());
                    case LOOPBACK -> LoopbackProbe.run(settings.probeMillis());
                    default -> throw new IllegalArgumentException("unknown machine probe '" + probe
                            + "'; known: " + DISK_SYNC + ", " + LOOPBACK);
                };
                report(channel, probe, metrics);
            } catch (Exception e) {
                passed = fail(channel, probe, e);
            }
        }
        return passed;
    }

    private static boolean runScenarios(String providerId, List<String> scenarioIds, Path dataDirectory,
                                        Settings settings, PrintStream channel) {
        BenchProvider provider;
        try {
            provider = Providers.require(providerId).create();
            provider.start(dataDirectory, settings);
        } catch (Exception | LinkageError e) {
            for (String id : scenarioIds) {
                fail(channel, id, new IllegalStateException(providerId + " did not start: " + e, e));
            }
            return false;
        }
        boolean passed = true;
        try {
            for (String id : scenarioIds) {
                try {
                    Scenario scenario = Scenarios.require(id);
                    LOG.info("{}: {} starting", providerId, id);
                    report(channel, id, scenario.run(provider.connectionFactory(), provider.acknowledgeMode(), settings));
                } catch (Exception e) {
                    passed = fail(channel, id, e);
                }
            }
        } finally {
            try {
                provider.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly", providerId, e);
            }
        }
        return passed;
    }

    private static void report(PrintStream channel, String scenario, Map<String, Double> metrics) {
        metrics.forEach((metric, value) -> channel.println(WorkerLine.result(scenario, metric, value).format()));
    }

    private static boolean fail(PrintStream channel, String scenario, Exception e) {
        LOG.error("{} failed", scenario, e);
        channel.println(WorkerLine.failure(scenario, String.valueOf(e.getMessage() != null ? e.getMessage() : e)).format());
        return false;
    }
}
