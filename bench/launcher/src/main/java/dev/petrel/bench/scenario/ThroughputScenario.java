package dev.petrel.bench.scenario;

import dev.petrel.bench.Settings;
import dev.petrel.bench.verify.SequenceLedger;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Producers send 1 KiB messages flat out, consumers receive; after the warm-up (at least
 * {@code settings.warmupMillis()}, then on until the JIT is quiet: {@link JitWarmup}), deliveries per second
 * over the measured window (metric {@code rate}; a topic counts each subscriber's copy). Then producers
 * stop, every message must arrive, and every delivery is checked.
 *
 * @param id          scenario id
 * @param topic       topic (each consumer its own subscription) or queue (consumers share)
 * @param persistent  persistent messages (sent synchronously by every peer's default) or not
 * @param batch       0 for auto-ack and plain sends; otherwise both sides transacted, commit every {@code batch}
 * @param producers   producer count
 * @param consumers   consumer (or subscriber) count
 * @param durable     durable subscriptions (topics only)
 */
public record ThroughputScenario(String id, boolean topic, boolean persistent, int batch, int producers,
                                 int consumers, boolean durable) implements Scenario {

    @Override
    public Map<String, Double> run(ConnectionFactory factory, int acknowledgeMode, Settings settings) throws Exception {
        Target target = Target.fresh(id, topic);
        LongAdder deliveries = new LongAdder();
        List<SequenceLedger> ledgers = new ArrayList<>();
        try (ScenarioRun run = new ScenarioRun(id)) {
            SequenceLedger shared = new SequenceLedger(id + " queue", producers, consumers);
            if (!topic) {
                ledgers.add(shared);
            }
            for (int i = 0; i < consumers; i++) {
                SequenceLedger ledger = shared;
                int index = i;
                if (topic) {
                    ledger = new SequenceLedger(id + " subscriber " + i, producers, 1);
                    ledgers.add(ledger);
                    index = 0;
                }
                run.startConsumer(new ConsumerLoop(factory, acknowledgeMode, target, index, ledger, batch,
                        durable ? "sub" + i : null, deliveries));
            }
            for (int p = 0; p < producers; p++) {
                run.startProducer(new ProducerLoop(factory, target, p, persistent, batch, Long.MAX_VALUE,
                        run.producerStop()));
            }
            JitWarmup warmup = JitWarmup.start(settings.warmupLimitMillis());
            run.warmUp(warmup, settings.warmupMillis());
            long before = deliveries.sum();
            long start = System.nanoTime();
            run.sleepWatching(settings.measureMillis());
            long after = deliveries.sum();
            long end = System.nanoTime();
            Map<String, Double> result = new LinkedHashMap<>();
            warmup.report(result);
            long[] sent = run.stopProducers();
            run.drainAndVerify(ledgers, sent, settings.drainTimeoutMillis());
            result.put("rate", (after - before) * 1e9 / (end - start));
            return result;
        }
    }
}
