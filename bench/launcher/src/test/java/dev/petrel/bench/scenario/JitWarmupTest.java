package dev.petrel.bench.scenario;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JitWarmupTest {

    @Test
    void aWarmupPastItsLimitEndsAndReportsItsLengthAndTheCompilingAfterIt() throws Exception {
        JitWarmup warmup = JitWarmup.start(0);
        Thread.sleep(20);

        assertFalse(warmup.keepWarming(), "a warm-up past its limit must end, however busy the compilers are");
        Map<String, Double> metrics = new LinkedHashMap<>();
        warmup.report(metrics);

        assertEquals(2, metrics.size(), metrics.toString());
        assertTrue(metrics.get(JitWarmup.WARMUP_MILLIS) >= 20, metrics.toString());
        assertTrue(metrics.get(JitWarmup.MEASURED_COMPILE_MILLIS) >= 0, metrics.toString());
    }

    @Test
    void aWarmupEndsOnlyAfterThreeQuietStepsInARow() {
        long[] clock = {0};
        long[] compiled = {0};
        JitWarmup warmup = new JitWarmup(60_000, () -> compiled[0], () -> clock[0]);

        assertTrue(step(warmup, clock, compiled, 500), "a busy step");
        assertTrue(step(warmup, clock, compiled, 10), "one quiet step");
        assertTrue(step(warmup, clock, compiled, 10), "two quiet steps");
        assertTrue(step(warmup, clock, compiled, 300), "a busy step starts the count again");
        assertTrue(step(warmup, clock, compiled, 50), "one quiet step (5% is quiet)");
        assertTrue(step(warmup, clock, compiled, 0), "two quiet steps");
        assertFalse(step(warmup, clock, compiled, 20), "the third quiet step in a row ends the warm-up");

        Map<String, Double> metrics = new LinkedHashMap<>();
        compiled[0] += 700;
        warmup.report(metrics);
        assertEquals(7_000, metrics.get(JitWarmup.WARMUP_MILLIS));
        assertEquals(700, metrics.get(JitWarmup.MEASURED_COMPILE_MILLIS));
    }

    /** One second passes, in which the compilers work {@code compileMillis}; then asks whether to go on. */
    private static boolean step(JitWarmup warmup, long[] clock, long[] compiled, long compileMillis) {
        clock[0] += 1_000_000_000L;
        compiled[0] += compileMillis;
        return warmup.keepWarming();
    }

    @Test
    void aWarmupThatHasNotEndedReportsNothing() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        JitWarmup.start(60_000).report(metrics);

        assertTrue(metrics.isEmpty(), metrics.toString());
    }
}
