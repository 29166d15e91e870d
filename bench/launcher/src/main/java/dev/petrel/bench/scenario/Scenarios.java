package dev.petrel.bench.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Every broker scenario, in table-row order. Stateless. */
public final class Scenarios {
    public static final String QUEUE_1_1 = "queue-1to1";
    public static final String QUEUE_TX = "queue-tx";
    public static final String QUEUE_4_4 = "queue-4to4";
    public static final String TOPIC_1_4 = "topic-1to4";
    public static final String DURABLE_1_2 = "durable-1to2";
    public static final String LATENCY = "latency";
    public static final String BACKLOG = "backlog";

    private static final List<Scenario> ALL = List.of(
            new ThroughputScenario(QUEUE_1_1, false, true, 0, 1, 1, false),
            new ThroughputScenario(QUEUE_TX, false, true, 100, 1, 1, false),
            new ThroughputScenario(QUEUE_4_4, false, true, 0, 4, 4, false),
            new ThroughputScenario(TOPIC_1_4, true, false, 0, 1, 4, false),
            new ThroughputScenario(DURABLE_1_2, true, true, 0, 1, 2, true),
            new LatencyScenario(LATENCY, 2),
            new BacklogScenario(BACKLOG));

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> ids() {
        return ALL.stream().map(Scenario::id).collect(Collectors.toList());
    }

    /**
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static Scenario require(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; known: " + ids()));
    }
}
