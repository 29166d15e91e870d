package dev.petrel.bench.scenario;

import dev.petrel.bench.Settings;
import dev.petrel.bench.verify.SequenceLedger;
import jakarta.jms.ConnectionFactory;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * A backlog: {@code settings.backlog()} persistent messages sent with no consumer (transacted, commit
 * every 100), the worker's heap measured after a full GC, then the backlog drained by a transacted
 * consumer (commit every 100). Metrics {@code fill} and {@code drain} (msg/s) and {@code heapMiB}.
 * With {@code settings.backlogWarmup() > 0} a smaller backlog is filled and drained first, unmeasured,
 * and again until the JIT is quiet ({@link JitWarmup}) or {@code settings.warmupLimitMillis()} has passed.
 * Both sides are transacted, so the provider's acknowledge mode plays no part.
 */
public record BacklogScenario(String id) implements Scenario {
    private static final int BATCH = 100;

    @Override
    public Map<String, Double> run(ConnectionFactory factory, int acknowledgeMode, Settings settings) throws Exception {
        JitWarmup warmup = JitWarmup.start(settings.warmupLimitMillis());
        if (settings.backlogWarmup() > 0) {
            do {
                fillAndDrain(factory, settings, settings.backlogWarmup(), new LinkedHashMap<>());
            } while (warmup.keepWarming());
        }
        Map<String, Double> result = new LinkedHashMap<>();
        fillAndDrain(factory, settings, settings.backlog(), result);
        warmup.report(result);
        return result;
    }

    private void fillAndDrain(ConnectionFactory factory, Settings settings, int messages,
                              Map<String, Double> result) throws Exception {
        Target target = Target.fresh(id, false);
        SequenceLedger ledger = new SequenceLedger(id + " queue", 1, 1);
        try (ScenarioRun run = new ScenarioRun(id)) {
            long fillStart = System.nanoTime();
            run.startProducer(new ProducerLoop(factory, target, 0, true, BATCH, messages, run.producerStop()));
            long[] sent = run.joinProducers(settings.drainTimeoutMillis());
            long fillEnd = System.nanoTime();
            result.put("fill", messages * 1e9 / (fillEnd - fillStart));
            result.put("heapMiB", heapAfterFullGc() / (1024.0 * 1024.0));

            long drainStart = System.nanoTime();
            run.startConsumer(new ConsumerLoop(factory, jakarta.jms.Session.SESSION_TRANSACTED, target, 0, ledger, BATCH, null, new LongAdder()));
            run.awaitCondition(() -> ledger.hasAll(sent), settings.drainTimeoutMillis(),
                    "draining " + messages + " messages");
            long drainEnd = System.nanoTime();
            run.drainAndVerify(List.of(ledger), sent, settings.drainTimeoutMillis());
            result.put("drain", messages * 1e9 / (drainEnd - drainStart));
        }
    }

    private static long heapAfterFullGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
