package dev.petrel.console.web;

import dev.petrel.management.RateSample;
import dev.petrel.management.RateSeries;
import java.util.List;
import java.util.Locale;

/**
 * The overview's in/out rate chart as SVG polyline points, computed on the server so the chart
 * shows without script; {@code console.js} redraws it the same way from {@code /api/rates}.
 *
 * @param inPoints  the "in" line's points attribute
 * @param outPoints the "out" line's points attribute
 * @param max       the rate at the top of the chart (messages per second)
 * @param latestIn  the last sample's in-rate
 * @param latestOut the last sample's out-rate
 */
public record RateChart(String inPoints, String outPoints, double max, double latestIn, double latestOut) {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 160;

    static RateChart of(RateSeries series) {
        List<RateSample> samples = series.samples();
        double max = 1;
        for (RateSample s : samples) {
            max = Math.max(max, Math.max(s.inPerSecond(), s.outPerSecond()));
        }
        max = niceCeiling(max);
        StringBuilder in = new StringBuilder();
        StringBuilder out = new StringBuilder();
        int n = samples.size();
        for (int i = 0; i < n; i++) {
            double x = n == 1 ? WIDTH : (double) WIDTH * i / (n - 1);
            point(in, x, samples.get(i).inPerSecond(), max);
            point(out, x, samples.get(i).outPerSecond(), max);
        }
        RateSample last = n == 0 ? null : samples.get(n - 1);
        return new RateChart(in.toString().trim(), out.toString().trim(), max,
                last == null ? 0 : last.inPerSecond(), last == null ? 0 : last.outPerSecond());
    }

    /** The value formatted with one decimal, for labels. */
    public String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static void point(StringBuilder points, double x, double rate, double max) {
        double y = HEIGHT - rate / max * HEIGHT;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (value <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
