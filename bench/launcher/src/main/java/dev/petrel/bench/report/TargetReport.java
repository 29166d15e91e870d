package dev.petrel.bench.report;

import dev.petrel.bench.Results;
import dev.petrel.bench.WorkerMain;
import dev.petrel.bench.provider.ProviderInfo;
import dev.petrel.bench.scenario.Scenarios;
import dev.petrel.bench.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Checks issue 7's targets against the medians of this run and renders one Markdown table: a row per
 * target, a column per Petrel provider, each cell "met" or "NOT met" with the figures compared. Peers
 * are those on the Petrel column's transport; "durable" peers are those durable before confirm.
 * A target whose figures are missing (scenario not run, a cell failed) reads "—". Stateless.
 */
public final class TargetReport {
    /** Petrel's default broker memory limit ({@code BrokerConfig.defaults}), which the bench does not change. */
    static final double PETREL_MEMORY_LIMIT_MIB = 256;
    private static final List<String[]> PERSISTENT = List.of(
            new String[] {Scenarios.QUEUE_1_1, "rate", "1→1"},
            new String[] {Scenarios.QUEUE_TX, "rate", "1→1 transacted"},
            new String[] {Scenarios.QUEUE_4_4, "rate", "4→4"},
            new String[] {Scenarios.DURABLE_1_2, "rate", "durable topic 1→2"},
            new String[] {Scenarios.BACKLOG, "fill", "backlog fill"},
            new String[] {Scenarios.BACKLOG, "drain", "backlog drain"});

    private TargetReport() {
    }

    /** The targets table, or an empty string when no Petrel column was run. */
    static String render(Results results, List<ProviderInfo> providers) {
        List<ProviderInfo> petrels = providers.stream().filter(ProviderInfo::petrel).toList();
        if (petrels.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("\nIssue 7's targets, checked on this run's medians:\n\n| target |");
        petrels.forEach(p -> out.append(' ').append(p.label()).append(" |"));
        out.append("\n|---|").append("---|".repeat(petrels.size())).append('\n');
        for (String[] row : PERSISTENT) {
            line(out, "persistent " + row[2] + ": ≥ 1.5× the best durable peer", petrels,
                    p -> atLeast(results, p, row[0], row[1], 1.5, best(results, providers, p, row[0], row[1], true)));
        }
        line(out, "1→1, one producer: ≥ half the disk's sync rate", petrels, p -> atLeast(results, p,
                Scenarios.QUEUE_1_1, "rate", 0.5, median(results, WorkerMain.MACHINE, WorkerMain.DISK_SYNC, "rate")
                        .map(v -> new Figure(v, "disk syncs/s"))));
        line(out, "4→4: ≥ 3× Petrel's own 1→1", petrels, p -> atLeast(results, p, Scenarios.QUEUE_4_4, "rate", 3,
                median(results, p.id(), Scenarios.QUEUE_1_1, "rate").map(v -> new Figure(v, "own 1→1"))));
        for (String[] tail : List.of(new String[] {"p99", "p99"}, new String[] {"p999", "p99.9"})) {
            line(out, "latency " + tail[1] + ": below the best durable peer's", petrels, p -> below(results, p,
                    tail[0], lowest(results, providers, p, tail[0])));
        }
        line(out, "non-persistent topic 1→4: ≥ the best peer's deliveries/s", petrels, p -> atLeast(results, p,
                Scenarios.TOPIC_1_4, "rate", 1, best(results, providers, p, Scenarios.TOPIC_1_4, "rate", false)));
        line(out, "backlog: heap after the fill within the memory limit", petrels, p ->
                median(results, p.id(), Scenarios.BACKLOG, "heapMiB").map(heap -> verdict(heap <= PETREL_MEMORY_LIMIT_MIB,
                        number(heap) + " MiB vs limit " + number(PETREL_MEMORY_LIMIT_MIB) + " MiB")).orElse("—"));
        return out.toString();
    }

    private record Figure(double value, String what) {
    }

    private static void line(StringBuilder out, String target, List<ProviderInfo> petrels,
                             java.util.function.Function<ProviderInfo, String> cell) {
        out.append("| ").append(target).append(" |");
        petrels.forEach(p -> out.append(' ').append(cell.apply(p)).append(" |"));
        out.append('\n');
    }

    private static String atLeast(Results results, ProviderInfo petrel, String scenario, String metric, double factor,
                                  Optional<Figure> reference) {
        Optional<Double> value = median(results, petrel.id(), scenario, metric);
        if (value.isEmpty() || reference.isEmpty()) {
            return "—";
        }
        double needed = factor * reference.get().value();
        return verdict(value.get() >= needed, number(value.get()) + " vs " + (factor == 1 ? "" : trim(factor) + " × ")
                + number(reference.get().value()) + " (" + reference.get().what() + ")");
    }

    private static String below(Results results, ProviderInfo petrel, String metric, Optional<Figure> reference) {
        Optional<Double> value = median(results, petrel.id(), Scenarios.LATENCY, metric);
        if (value.isEmpty() || reference.isEmpty()) {
            return "—";
        }
        return verdict(value.get() < reference.get().value(), number(value.get()) + " µs vs "
                + number(reference.get().value()) + " µs (" + reference.get().what() + ")");
    }

    /** The highest median among the peers on {@code petrel}'s transport (only durable ones if asked). */
    private static Optional<Figure> best(Results results, List<ProviderInfo> providers, ProviderInfo petrel,
                                         String scenario, String metric, boolean durableOnly) {
        return extreme(results, peers(providers, petrel, durableOnly ? ProviderInfo::durableBeforeConfirm : p -> true),
                scenario, metric, true);
    }

    /** The lowest latency median among the durable peers on {@code petrel}'s transport. */
    private static Optional<Figure> lowest(Results results, List<ProviderInfo> providers, ProviderInfo petrel,
                                          String metric) {
        return extreme(results, peers(providers, petrel, ProviderInfo::durableBeforeConfirm), Scenarios.LATENCY,
                metric, false);
    }

    private static Optional<Figure> extreme(Results results, List<ProviderInfo> peers, String scenario, String metric,
                                            boolean highest) {
        Figure found = null;
        for (ProviderInfo peer : peers) {
            Optional<Double> v = median(results, peer.id(), scenario, metric);
            if (v.isPresent() && (found == null || (highest ? v.get() > found.value() : v.get() < found.value()))) {
                found = new Figure(v.get(), peer.label());
            }
        }
        return Optional.ofNullable(found);
    }

    private static List<ProviderInfo> peers(List<ProviderInfo> providers, ProviderInfo petrel,
                                            Predicate<ProviderInfo> filter) {
        List<ProviderInfo> peers = new ArrayList<>();
        for (ProviderInfo p : providers) {
            if (!p.petrel() && p.transport().equals(petrel.transport()) && filter.test(p)) {
                peers.add(p);
            }
        }
        return peers;
    }

    private static Optional<Double> median(Results results, String provider, String scenario, String metric) {
        if (results.failed(provider, scenario)) {
            return Optional.empty();
        }
        return results.summary(provider, scenario, metric).map(Summary::median);
    }

    private static String verdict(boolean met, String figures) {
        return (met ? "met: " : "**NOT met**: ") + figures;
    }

    private static String trim(double factor) {
        return factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}
