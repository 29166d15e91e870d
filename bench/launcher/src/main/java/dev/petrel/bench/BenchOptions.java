package dev.petrel.bench;

import dev.petrel.bench.provider.Providers;
import dev.petrel.bench.scenario.Scenarios;
import java.nio.file.Path;
import java.util.List;

/**
 * The launcher's command line. Immutable.
 *
 * <pre>
 * --quick              one round, short durations, a 10,000-message backlog (under two minutes)
 * --rounds N           full mode's rounds (default 3), targets interleaved and rotated per round
 * --providers a,b      provider ids (default: all)
 * --scenarios a,b      scenario ids (default: all)
 * --backlog N          messages in the backlog scenario (default 200,000; quick 10,000)
 * --latency-rate N     messages per second in the latency scenario (default 1,000, the rate issue 7 sets the latency target at)
 * --data-dir PATH      where brokers keep their stores, one fresh folder per worker (default: bench-data beside the jar)
 * --out FILE           also write the table (Markdown) to FILE
 * --sync-us N          pin Artemis's journal buffer timeout to N µs instead of the disk sync time measured
 *                      each round (its p10): on a busy machine even that can be far above the disk's own
 * --profile            record each provider worker with JFR (its 'profile' settings) into bench-logs/, a .jfr per worker
 * --profile=SETTINGS   the same with other JFR settings (a .jfc file, e.g. with park thresholds at 0 ms)
 * </pre>
 *
 * @param pinnedSyncNanos the pinned sync time, or 0 to use each round's measured one
 * @param profile         JFR settings to record workers with ({@code profile} or a .jfc path), or null for none
 */
public record BenchOptions(boolean quick, int rounds, List<String> providers, List<String> scenarios,
                           Settings settings, Path dataDirectory, Path out, long pinnedSyncNanos,
                           String profile) {

    public static final String USAGE = String.join("\n",
            "usage: java -jar petrel-bench.jar [--quick] [--rounds N] [--providers a,b] [--scenarios a,b]",
            "                                  [--backlog N] [--latency-rate N] [--data-dir PATH] [--out FILE] [--sync-us N]",
            "                                  [--profile[=SETTINGS]]",
            "providers: " + String.join(", ", Providers.all().stream().map(p -> p.id()).toList()),
            "scenarios: " + String.join(", ", Scenarios.ids()));

    /**
     * @throws IllegalArgumentException naming the option that is wrong and why
     */
    public static BenchOptions parse(String[] args, Path defaultDataDirectory) {
        boolean quick = false;
        Integer rounds = null;
        List<String> providers = Providers.DEFAULT_IDS;
        List<String> scenarios = Scenarios.ids();
        Integer backlog = null;
        Integer latencyRate = null;
        Path dataDirectory = defaultDataDirectory;
        Path out = null;
        long pinnedSyncNanos = 0;
        String profile = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--rounds" -> rounds = positive(arg, value(args, ++i, arg));
                case "--providers" -> providers = List.of(value(args, ++i, arg).split(","));
                case "--scenarios" -> scenarios = List.of(value(args, ++i, arg).split(","));
                case "--backlog" -> backlog = positive(arg, value(args, ++i, arg));
                case "--latency-rate" -> latencyRate = positive(arg, value(args, ++i, arg));
                case "--data-dir" -> dataDirectory = Path.of(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--sync-us" -> pinnedSyncNanos = positive(arg, value(args, ++i, arg)) * 1_000L;
                case "--profile" -> profile = "profile";
                default -> {
                    if (!arg.startsWith("--profile=")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
                    }
                    profile = arg.substring("--profile=".length());
                }
            }
        }
        providers.forEach(Providers::require);
        scenarios.forEach(Scenarios::require);
        Settings settings = quick ? Settings.quick() : Settings.full();
        if (backlog != null) {
            settings = settings.withBacklog(backlog);
        }
        if (latencyRate != null) {
            settings = settings.withLatencyRate(latencyRate);
        }
        int roundCount = rounds != null ? rounds : quick ? 1 : 3;
        return new BenchOptions(quick, roundCount, providers, scenarios, settings, dataDirectory, out, pinnedSyncNanos, profile);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[index];
    }

    private static int positive(String option, String text) {
        try {
            int value = Integer.parseInt(text.replace("_", "").replace(",", ""));
            if (value < 1) {
                throw new IllegalArgumentException(option + " must be at least 1, got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'", e);
        }
    }
}
