package dev.petrel.management;

import java.time.Instant;

/**
 * Message rates over one interval of a {@link RateSeries}.
 *
 * @param start       the interval's start
 * @param inPerSecond messages accepted from producers per second, averaged over the interval
 * @param outPerSecond messages acknowledged by consumers per second, averaged over the interval
 */
public record RateSample(Instant start, double inPerSecond, double outPerSecond) {
}
