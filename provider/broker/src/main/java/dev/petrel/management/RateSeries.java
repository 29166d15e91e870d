package dev.petrel.management;

import java.time.Duration;
import java.util.List;

/**
 * Recent message rates, oldest interval first, the last one possibly still running.
 *
 * @param interval the length of each sample's interval
 * @param samples  consecutive samples; fewer than asked for when the broker has not run that long
 */
public record RateSeries(Duration interval, List<RateSample> samples) {

    public RateSeries {
        samples = List.copyOf(samples);
    }
}
