package dev.petrel.bench.report;

import dev.petrel.bench.Results;
import dev.petrel.bench.WorkerMain;
import dev.petrel.bench.provider.Providers;
import dev.petrel.bench.scenario.Scenarios;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetReportTest {

    private static String rowOf(String table, String target) {
        return table.lines().filter(l -> l.startsWith("| " + target)).findFirst()
                .orElseThrow(() -> new AssertionError("no row '" + target + "' in\n" + table));
    }

    @Test
    void aPersistentScenarioMeetsItsTargetOnlyAtOneAndAHalfTimesTheBestDurablePeerOnTheSameTransport() {
        Results results = new Results();
        results.add("petrel-tcp", Scenarios.QUEUE_1_1, "rate", 3_000);
        results.add("artemis-tcp", Scenarios.QUEUE_1_1, "rate", 1_900);
        results.add("classic-kahadb-tcp", Scenarios.QUEUE_1_1, "rate", 2_100);
        results.add("classic-jdbc-tcp", Scenarios.QUEUE_1_1, "rate", 9_000);
        results.add("petrel-vm", Scenarios.QUEUE_1_1, "rate", 3_000);
        results.add("artemis-vm", Scenarios.QUEUE_1_1, "rate", 1_900);

        String row = rowOf(TargetReport.render(results, Providers.all()), "persistent 1→1: ");

        assertTrue(row.contains("| met: 3,000 vs 1.5 × 1,900 (Artemis in-VM) | **NOT met**: 3,000 vs 1.5 × 2,100"
                + " (Classic KahaDB tcp) |"), row);
    }

    @Test
    void latencyMustBeBelowTheLowestDurablePeerAndAFailedCellIsNotJudged() {
        Results results = new Results();
        results.add("petrel-vm", Scenarios.LATENCY, "p99", 900);
        results.add("artemis-vm", Scenarios.LATENCY, "p99", 1_000);
        results.add("petrel-tcp", Scenarios.LATENCY, "p99", 100);
        results.fail("petrel-tcp", Scenarios.LATENCY, "lost a message");
        results.add("artemis-tcp", Scenarios.LATENCY, "p99", 1_000);

        String row = rowOf(TargetReport.render(results, Providers.all()), "latency p99:");

        assertTrue(row.contains("| met: 900 µs vs 1,000 µs (Artemis in-VM) | — |"), row);
    }

    @Test
    void oneProducerIsJudgedAgainstHalfTheDiskSyncRate() {
        Results results = new Results();
        results.add(WorkerMain.MACHINE, WorkerMain.DISK_SYNC, "rate", 10_000);
        results.add("petrel-vm", Scenarios.QUEUE_1_1, "rate", 4_999);

        String row = rowOf(TargetReport.render(results, List.of(Providers.require("petrel-vm"))), "1→1, one producer");

        assertTrue(row.contains("**NOT met**: 4,999 vs 0.5 × 10,000 (disk syncs/s)"), row);
    }
}
