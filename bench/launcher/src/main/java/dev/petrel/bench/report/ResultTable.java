package dev.petrel.bench.report;

import dev.petrel.bench.Results;
import dev.petrel.bench.Settings;
import dev.petrel.bench.WorkerMain;
import dev.petrel.bench.provider.ProviderInfo;
import dev.petrel.bench.scenario.JitWarmup;
import dev.petrel.bench.scenario.Scenarios;
import dev.petrel.bench.stats.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the results as one Markdown table, scenarios × providers, each cell {@code median [min–max]}
 * over rounds, then Petrel's ratio (of medians) to each durable peer (Petrel on the peer's transport
 * where both ran), then the machine's limits, issue 7's targets checked ({@link TargetReport}) and
 * every failure. Stateless.
 */
public final class ResultTable {

    private record Row(String scenario, String metric, String label) {
    }

    private ResultTable() {
    }

    private static List<Row> rows(Settings settings) {
        return List.of(
                new Row(Scenarios.QUEUE_1_1, "rate", "persistent queue 1→1, sync send, auto-ack (msg/s)"),
                new Row(Scenarios.QUEUE_TX, "rate", "persistent queue 1→1, transacted both sides, commit every 100 (msg/s)"),
                new Row(Scenarios.QUEUE_4_4, "rate", "persistent queue 4→4, sync send, auto-ack (msg/s)"),
                new Row(Scenarios.TOPIC_1_4, "rate", "non-persistent topic 1→4 (deliveries/s)"),
                new Row(Scenarios.DURABLE_1_2, "rate", "durable topic 1→2, persistent, sync send (deliveries/s)"),
                new Row(Scenarios.LATENCY, "p50", "latency, persistent, " + number(settings.latencyRate())
                        + " msg/s (2 producers, 1 consumer), p50 (µs)"),
                new Row(Scenarios.LATENCY, "p99", "same, p99 (µs)"),
                new Row(Scenarios.LATENCY, "p999", "same, p99.9 (µs)"),
                new Row(Scenarios.LATENCY, "unsent", "same, messages still unsent when the schedule ended (counted above at their accrued latency)"),
                new Row(Scenarios.BACKLOG, "fill", number(settings.backlog())
                        + " persistent backlog, no consumer: fill, tx every 100 (msg/s)"),
                new Row(Scenarios.BACKLOG, "drain", "the same backlog: drain, tx every 100 (msg/s)"),
                new Row(Scenarios.BACKLOG, "heapMiB", "worker heap after the fill, after a full GC (MiB)"));
    }

    /**
     * @param providers the columns, in order
     * @param scenarios the scenario ids that were run (other rows are left out)
     */
    public static String render(Results results, List<ProviderInfo> providers, List<String> scenarios,
                                Settings settings, int rounds) {
        List<ProviderInfo[]> ratios = ratioPairs(providers);
        StringBuilder out = new StringBuilder();
        out.append("| scenario |");
        providers.forEach(p -> out.append(' ').append(p.label()).append(" |"));
        ratios.forEach(pair -> out.append(' ').append(pair[0].label()).append(" ÷ ").append(pair[1].label()).append(" |"));
        out.append("\n|---|");
        int columns = providers.size() + ratios.size();
        out.append("---:|".repeat(columns)).append('\n');
        for (Row row : rows(settings)) {
            if (!scenarios.contains(row.scenario())) {
                continue;
            }
            out.append("| ").append(row.label()).append(" |");
            for (ProviderInfo p : providers) {
                out.append(' ').append(cell(results, p.id(), row)).append(" |");
            }
            for (ProviderInfo[] pair : ratios) {
                out.append(' ').append(ratio(results, pair[0].id(), pair[1].id(), row)).append(" |");
            }
            out.append('\n');
        }
        out.append('\n').append(rounds == 1 ? "One round" : rounds + " rounds, targets interleaved")
                .append(rounds == 1 ? "; a cell is that round's value." : "; a cell is median [min–max].")
                .append(" Ratio = Petrel's median ÷ the peer's, on the same transport (for latency, unsent and heap, lower is better);")
                .append(" only peers durable before confirm get one. FAIL = loss, duplicate, reordering or error (below).\n");
        appendMachine(out, results);
        appendWarmup(out, results, providers, scenarios, settings);
        out.append(TargetReport.render(results, providers));
        appendFailures(out, results.failures());
        return out.toString();
    }

    /**
     * {Petrel column, peer} for every peer durable before confirm: the Petrel column on the peer's
     * transport when it was run, otherwise the first Petrel column.
     */
    private static List<ProviderInfo[]> ratioPairs(List<ProviderInfo> providers) {
        List<ProviderInfo> petrels = providers.stream().filter(ProviderInfo::petrel).toList();
        List<ProviderInfo[]> pairs = new ArrayList<>();
        if (petrels.isEmpty()) {
            return pairs;
        }
        for (ProviderInfo peer : providers) {
            if (peer.petrel() || !peer.durableBeforeConfirm()) {
                continue;
            }
            ProviderInfo petrel = petrels.stream().filter(p -> p.transport().equals(peer.transport()))
                    .findFirst().orElse(petrels.get(0));
            pairs.add(new ProviderInfo[] {petrel, peer});
        }
        return pairs;
    }

    private static String cell(Results results, String provider, Row row) {
        if (results.failed(provider, row.scenario())) {
            return "FAIL";
        }
        Optional<Summary> s = results.summary(provider, row.scenario(), row.metric());
        return s.map(ResultTable::format).orElse("—");
    }

    private static String ratio(Results results, String petrel, String peer, Row row) {
        if (results.failed(petrel, row.scenario()) || results.failed(peer, row.scenario())) {
            return "—";
        }
        Optional<Summary> a = results.summary(petrel, row.scenario(), row.metric());
        Optional<Summary> b = results.summary(peer, row.scenario(), row.metric());
        if (a.isEmpty() || b.isEmpty() || b.get().median() == 0) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f×", a.get().median() / b.get().median());
    }

    private static void appendMachine(StringBuilder out, Results results) {
        Optional<Summary> sync = results.summary(WorkerMain.MACHINE, WorkerMain.DISK_SYNC, "rate");
        Optional<Summary> p50 = results.summary(WorkerMain.MACHINE, WorkerMain.DISK_SYNC, "p50");
        Optional<Summary> p99 = results.summary(WorkerMain.MACHINE, WorkerMain.DISK_SYNC, "p99");
        Optional<Summary> gib = results.summary(WorkerMain.MACHINE, WorkerMain.LOOPBACK, "gibps");
        Optional<Summary> ping = results.summary(WorkerMain.MACHINE, WorkerMain.LOOPBACK, "pingP50");
        Optional<Summary> timeout = results.summary(WorkerMain.MACHINE, "artemis", "bufferTimeoutMicros");
        out.append("\nThe machine's limits in the same run: 1 KiB write + fdatasync on a preallocated file ")
                .append(sync.map(ResultTable::format).orElse("—")).append(" per second (p50 ")
                .append(p50.map(s -> number(s.median())).orElse("—")).append(" µs, p99 ")
                .append(p99.map(s -> number(s.median())).orElse("—")).append(" µs); loopback TCP ")
                .append(gib.map(ResultTable::formatTenths).orElse("—"))
                .append(" GiB/s, 64-byte ping-pong p50 ")
                .append(ping.map(s -> number(s.median())).orElse("—")).append(" µs. Artemis's journal buffer timeout: ")
                .append(timeout.map(ResultTable::format).orElse("—")).append(" µs (the sync time's p10 in each round, or --sync-us).\n");
    }

    /** The longest warm-up per provider and the most compiling any measured part of it saw. */
    private static void appendWarmup(StringBuilder out, Results results, List<ProviderInfo> providers,
                                     List<String> scenarios, Settings settings) {
        List<String> parts = new ArrayList<>();
        for (ProviderInfo p : providers) {
            double warmup = 0;
            double compile = 0;
            for (String scenario : scenarios) {
                warmup = Math.max(warmup, results.summary(p.id(), scenario, JitWarmup.WARMUP_MILLIS).map(Summary::max).orElse(0.0));
                compile = Math.max(compile, results.summary(p.id(), scenario, JitWarmup.MEASURED_COMPILE_MILLIS)
                        .map(Summary::max).orElse(0.0));
            }
            if (warmup > 0) {
                parts.add(p.label() + String.format(Locale.ROOT, " %.1f s (then at most %s ms)", warmup / 1000, number(compile)));
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        String backlog = settings.backlogWarmup() > 0
                ? number(settings.backlogWarmup()) + " messages filled and drained" : "no warm-up";
        out.append("\nWarm-up: at least ").append(number(settings.warmupMillis())).append(" ms (the backlog: ")
                .append(backlog).append("), then on until ").append(JitWarmup.QUIET_STEPS)
                .append(" steps in a row (1 s each, or one more warm-up backlog each) in which the JIT compilers were busy")
                .append(" at most ").append(Math.round(JitWarmup.QUIET_SHARE * 100)).append("% of the step, or ")
                .append(number(settings.warmupLimitMillis())).append(" ms. Longest warm-up, and the compilers'")
                .append(" time in any measured part after it: ").append(String.join("; ", parts)).append(".\n");
    }

    private static void appendFailures(StringBuilder out, Map<String, List<String>> failures) {
        if (failures.isEmpty()) {
            out.append("\nEvery message of every scenario counted: no loss, no duplicate, no reordering.\n");
            return;
        }
        out.append("\nFailures:\n");
        List<String> lines = new ArrayList<>();
        failures.forEach((where, reasons) -> reasons.forEach(r -> lines.add("- " + where + ": " + r)));
        lines.forEach(line -> out.append(line).append('\n'));
    }

    static String format(Summary s) {
        if (s.count() == 1 || Math.round(s.min()) == Math.round(s.max())) {
            return number(s.median());
        }
        return number(s.median()) + " [" + number(s.min()) + "–" + number(s.max()) + "]";
    }

    static String formatTenths(Summary s) {
        if (s.count() == 1 || Math.round(s.min() * 10) == Math.round(s.max() * 10)) {
            return String.format(Locale.ROOT, "%.1f", s.median());
        }
        return String.format(Locale.ROOT, "%.1f [%.1f–%.1f]", s.median(), s.min(), s.max());
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%,d", Math.round(value));
    }
}
