package dev.petrel.bench;

import dev.petrel.bench.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every value and failure the workers reported, by (provider, scenario, metric) over rounds.
 * Threading: not thread-safe; the launcher's one thread fills and reads it.
 */
public final class Results {
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, List<String>> failures = new LinkedHashMap<>();

    public void add(String provider, String scenario, String metric, double value) {
        values.computeIfAbsent(key(provider, scenario, metric), k -> new ArrayList<>()).add(value);
    }

    public void fail(String provider, String scenario, String reason) {
        failures.computeIfAbsent(provider + "/" + scenario, k -> new ArrayList<>()).add(reason);
    }

    public Optional<Summary> summary(String provider, String scenario, String metric) {
        List<Double> list = values.get(key(provider, scenario, metric));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(Summary.of(list));
    }

    public boolean failed(String provider, String scenario) {
        return failures.containsKey(provider + "/" + scenario);
    }

    /** "provider/scenario" → reasons, in the order they happened. */
    public Map<String, List<String>> failures() {
        return failures;
    }

    private static String key(String provider, String scenario, String metric) {
        return provider + "/" + scenario + "/" + metric;
    }
}
