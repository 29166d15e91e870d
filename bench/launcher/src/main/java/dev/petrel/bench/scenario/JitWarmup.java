package dev.petrel.bench.scenario;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Says when a warm-up has warmed the JVM: the provider, its clients and (for Petrel) H2 are several
 * thousand methods that the JIT compiles for ten seconds and more after a worker starts, and on a
 * two-core machine the C2 compiler thread takes most of a core from the provider while it does. A
 * fixed warm-up measured compilation as much as the provider. The warm-up goes on in steps until
 * {@link #QUIET_STEPS} steps in a row in each of which the compilers spent at most {@link #QUIET_SHARE}
 * of the step compiling, or until its limit. One quiet step was not enough: a code path that gets hot
 * late (for Petrel, H2's {@code MVMap.operate}, whose C2 compilation takes a second of a core here and
 * is redone after each of its first few deoptimisations) started compiling again inside the measured
 * part, for up to 4 s of its 8. Every provider gets the same rule. Each scenario reports how long
 * its warm-up took and how long the compilers still worked during its measured part
 * ({@link #report}); the results table prints both.
 *
 * <p>Threading: the scenario thread.
 */
public final class JitWarmup {
    /** Metric: how long the warm-up took. */
    public static final String WARMUP_MILLIS = "warmupMillis";
    /** Metric: compiler time (all compiler threads) during the measured part. */
    public static final String MEASURED_COMPILE_MILLIS = "measuredCompileMillis";
    /** A step counts as quiet when the compilers spent at most this share of it compiling (all compiler threads together). */
    public static final double QUIET_SHARE = 0.05;
    /** How many quiet steps in a row end the warm-up. */
    public static final int QUIET_STEPS = 3;
    /** How long a throughput scenario warms per step after its minimum warm-up. */
    static final long STEP_MILLIS = 1_000;

    private final LongSupplier compileMillis;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final long limitNanos;
    private long stepStartNanos;
    private long stepStartCompileMillis;
    private int quietSteps;
    private long warmupNanos = -1;
    private long measureStartCompileMillis;

    /** For tests: the compilers' total time and the clock come from the given suppliers. */
    JitWarmup(long limitMillis, LongSupplier compileMillis, LongSupplier nanoTime) {
        this.compileMillis = compileMillis;
        this.nanoTime = nanoTime;
        this.limitNanos = limitMillis * 1_000_000;
        this.startNanos = nanoTime.getAsLong();
        this.stepStartNanos = startNanos;
        this.stepStartCompileMillis = compileMillis.getAsLong();
    }

    /** Starts timing a warm-up that may last up to {@code limitMillis}. */
    static JitWarmup start(long limitMillis) {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        LongSupplier compiled = compiler != null && compiler.isCompilationTimeMonitoringSupported()
                ? compiler::getTotalCompilationTime : () -> 0;
        return new JitWarmup(limitMillis, compiled, System::nanoTime);
    }

    /**
     * Whether to warm for another step: the steps so far do not end in {@link #QUIET_STEPS} quiet
     * ones and the limit has not passed. Starts the next step.
     */
    boolean keepWarming() {
        long now = nanoTime.getAsLong();
        long compiled = compileMillis.getAsLong();
        double share = (compiled - stepStartCompileMillis) * 1e6 / Math.max(1, now - stepStartNanos);
        quietSteps = share <= QUIET_SHARE ? quietSteps + 1 : 0;
        boolean more = quietSteps < QUIET_STEPS && now - startNanos < limitNanos;
        if (!more) {
            warmupNanos = now - startNanos;
            measureStartCompileMillis = compiled;
        }
        stepStartNanos = now;
        stepStartCompileMillis = compiled;
        return more;
    }

    /**
     * Adds {@link #WARMUP_MILLIS} and {@link #MEASURED_COMPILE_MILLIS} (the compilers' time since the
     * warm-up ended) to a scenario's metrics; call when the measured part ends.
     */
    void report(Map<String, Double> metrics) {
        if (warmupNanos >= 0) {
            metrics.put(WARMUP_MILLIS, warmupNanos / 1e6);
            metrics.put(MEASURED_COMPILE_MILLIS, (double) (compileMillis.getAsLong() - measureStartCompileMillis));
        }
    }
}
