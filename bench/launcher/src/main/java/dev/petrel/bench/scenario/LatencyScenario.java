package dev.petrel.bench.scenario;

import dev.petrel.bench.Settings;
import dev.petrel.bench.stats.LongSamples;
import dev.petrel.bench.verify.SequenceLedger;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * End-to-end latency at a fixed moderate rate: {@code producers} persistent producers share
 * {@code settings.latencyRate()} messages per second on a schedule, one auto-ack consumer receives.
 * Latency is measured from each message's INTENDED send time, so a send that blocks delays the
 * messages behind it and shows in the tail. A producer that falls so far behind that part of its
 * schedule is still unsent at the end stops there; each unsent message counts with the latency it had
 * already accrued (end minus intended time), a lower bound, so falling behind is never hidden.
 * Samples are taken after the warm-up (at least {@code settings.latencyWarmupMillis()}, then on until
 * the JIT is quiet: {@link JitWarmup}). Metrics {@code p50}, {@code p99}, {@code p999} in µs, and
 * {@code unsent} (messages).
 */
public record LatencyScenario(String id, int producers) implements Scenario {

    @Override
    public Map<String, Double> run(ConnectionFactory factory, int acknowledgeMode, Settings settings) throws Exception {
        Target target = Target.fresh(id, false);
        SequenceLedger ledger = new SequenceLedger(id + " queue", producers, 1);
        try (ScenarioRun run = new ScenarioRun(id)) {
            long interval = producers * 1_000_000_000L / settings.latencyRate();
            long start = System.nanoTime() + 200_000_000L;
            ConsumerLoop consumer = run.startConsumer(
                    new ConsumerLoop(factory, acknowledgeMode, target, 0, ledger, 0, null, new LongAdder()));
            List<ProducerLoop> paced = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long offset = p * interval / producers;
                paced.add(run.startProducer(new ProducerLoop(factory, target, p, true, 0, Long.MAX_VALUE,
                        run.producerStop()).paced(start + offset, interval)));
            }
            JitWarmup warmup = JitWarmup.start(settings.warmupLimitMillis());
            run.warmUp(warmup, settings.latencyWarmupMillis());
            // both set before they pass, so no message intended after measureFrom escapes the record
            long measureFrom = System.nanoTime() + 100_000_000L;
            long end = measureFrom + settings.latencyMillis() * 1_000_000;
            consumer.recordLatencyFrom(measureFrom);
            paced.forEach(p -> p.endAt(end));
            run.sleepWatching((end - System.nanoTime()) / 1_000_000);
            Map<String, Double> result = new LinkedHashMap<>();
            warmup.report(result);
            long[] sent = run.joinProducers(settings.drainTimeoutMillis());
            run.drainAndVerify(List.of(ledger), sent, settings.drainTimeoutMillis());
            LongSamples latencies = consumer.latencies();
            long unsent = 0;
            for (int p = 0; p < producers; p++) {
                long producerStart = start + p * interval / producers;
                for (long seq = sent[p]; producerStart + seq * interval < end; seq++) {
                    long intended = producerStart + seq * interval;
                    if (intended >= measureFrom) {
                        latencies.add(end - intended);
                    }
                    unsent++;
                }
            }
            result.put("p50", latencies.percentile(0.50) / 1_000.0);
            result.put("p99", latencies.percentile(0.99) / 1_000.0);
            result.put("p999", latencies.percentile(0.999) / 1_000.0);
            result.put("unsent", (double) unsent);
            return result;
        }
    }
}
