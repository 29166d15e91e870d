package dev.petrel.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long and how hard each scenario runs, passed from the launcher to a worker as
 * {@code key=value} arguments. Immutable.
 *
 * @param warmupMillis        throughput scenarios run this long before measuring
 * @param warmupLimitMillis   and longer, up to this long, until the JIT has gone quiet ({@code JitWarmup});
 *                            the backlog's warm-up cycles likewise
 * @param measureMillis       and are measured for this long
 * @param latencyRate         messages per second, all latency producers together
 * @param latencyWarmupMillis latency samples before this are discarded
 * @param latencyMillis       latency samples are taken for this long after the warm-up
 * @param backlog             messages in the backlog scenario
 * @param backlogWarmup       messages filled and drained on another queue before the measured backlog (0 = none)
 * @param drainTimeoutMillis  how long consumers may take to receive what was sent before it counts as lost
 * @param syncNanos           this disk's write+fdatasync time; Artemis's journal buffer timeout
 * @param probeMillis         how long each machine probe runs
 */
public record Settings(long warmupMillis, long warmupLimitMillis, long measureMillis, int latencyRate, long latencyWarmupMillis,
                       long latencyMillis, int backlog, int backlogWarmup, long drainTimeoutMillis,
                       long syncNanos, long probeMillis) {

    /** One round, short durations, a smaller backlog: the whole run in under two minutes. */
    public static Settings quick() {
        return new Settings(300, 300, 1_000, 1_000, 300, 1_000, 10_000, 0, 30_000, 150_000, 500);
    }

    /** Warm-up and measurement long enough to be compared across runs. */
    public static Settings full() {
        return new Settings(3_000, 60_000, 8_000, 1_000, 3_000, 15_000, 200_000, 20_000, 300_000, 150_000, 3_000);
    }

    public Settings withSyncNanos(long nanos) {
        return new Settings(warmupMillis, warmupLimitMillis, measureMillis, latencyRate, latencyWarmupMillis, latencyMillis,
                backlog, backlogWarmup, drainTimeoutMillis, nanos, probeMillis);
    }

    public Settings withLatencyRate(int messagesPerSecond) {
        return new Settings(warmupMillis, warmupLimitMillis, measureMillis, messagesPerSecond, latencyWarmupMillis, latencyMillis,
                backlog, backlogWarmup, drainTimeoutMillis, syncNanos, probeMillis);
    }

    public Settings withBacklog(int messages) {
        return new Settings(warmupMillis, warmupLimitMillis, measureMillis, latencyRate, latencyWarmupMillis, latencyMillis,
                messages, backlogWarmup, drainTimeoutMillis, syncNanos, probeMillis);
    }

    /** The worker's command-line form. */
    public List<String> toArguments() {
        List<String> args = new ArrayList<>();
        toMap().forEach((k, v) -> args.add(k + "=" + v));
        return args;
    }

    /**
     * Parses {@link #toArguments()} output.
     *
     * @throws IllegalArgumentException naming an argument that is not {@code key=number} or a key missing
     */
    public static Settings fromArguments(List<String> args) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("worker setting must be key=number, got '" + arg + "'");
            }
            try {
                values.put(arg.substring(0, eq), Long.parseLong(arg.substring(eq + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("worker setting " + arg + " is not a whole number", e);
            }
        }
        return new Settings(get(values, "warmupMillis"), get(values, "warmupLimitMillis"), get(values, "measureMillis"),
                (int) get(values, "latencyRate"), get(values, "latencyWarmupMillis"),
                get(values, "latencyMillis"), (int) get(values, "backlog"), (int) get(values, "backlogWarmup"),
                get(values, "drainTimeoutMillis"), get(values, "syncNanos"), get(values, "probeMillis"));
    }

    private Map<String, Long> toMap() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("warmupMillis", warmupMillis);
        m.put("warmupLimitMillis", warmupLimitMillis);
        m.put("measureMillis", measureMillis);
        m.put("latencyRate", (long) latencyRate);
        m.put("latencyWarmupMillis", latencyWarmupMillis);
        m.put("latencyMillis", latencyMillis);
        m.put("backlog", (long) backlog);
        m.put("backlogWarmup", (long) backlogWarmup);
        m.put("drainTimeoutMillis", drainTimeoutMillis);
        m.put("syncNanos", syncNanos);
        m.put("probeMillis", probeMillis);
        return m;
    }

    private static long get(Map<String, Long> values, String key) {
        Long v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("worker setting " + key + " is missing; got " + values.keySet());
        }
        return v;
    }
}
