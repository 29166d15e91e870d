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
    void aWarmupThatHasNotEndedReportsNothing() {
        Map<String, Double> metrics = new LinkedHashMap<>();
        JitWarmup.start(60_000).report(metrics);

        assertTrue(metrics.isEmpty(), metrics.toString());
    }
}
