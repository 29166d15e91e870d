package dev.petrel.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void oddCountTakesTheMiddleValueAsMedianWithMinimumAndMaximum() {
        Summary s = Summary.of(List.of(30.0, 10.0, 20.0));
        assertEquals(new Summary(20.0, 10.0, 30.0, 3), s);
    }

    @Test
    void evenCountAveragesTheTwoMiddleValues() {
        assertEquals(25.0, Summary.of(List.of(40.0, 10.0, 20.0, 30.0)).median());
    }

    @Test
    void percentileUsesTheNearestRank() {
        LongSamples samples = new LongSamples();
        for (long v = 1; v <= 1_000; v++) {
            samples.add(v);
        }
        assertEquals(500, samples.percentile(0.5));
        assertEquals(990, samples.percentile(0.99));
        assertEquals(999, samples.percentile(0.999));
    }
}
