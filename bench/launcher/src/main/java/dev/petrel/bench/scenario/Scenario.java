package dev.petrel.bench.scenario;

import dev.petrel.bench.Settings;
import jakarta.jms.ConnectionFactory;
import java.util.Map;

/**
 * One measured use of a JMS provider through the standard API. A scenario counts every message it
 * sends and fails with {@link dev.petrel.bench.verify.DeliveryCheckException} on any loss, duplicate
 * or reordering. Threading: {@link #run} is called from one thread and starts and joins its own.
 */
public interface Scenario {

    /** The id used on command lines and in the worker protocol. */
    String id();

    /**
     * Runs the scenario once on fresh destinations.
     *
     * @param acknowledgeMode the mode of consumers that are not transacted (AUTO_ACKNOWLEDGE, or the
     *                        provider's relaxed mode, see {@link dev.petrel.bench.provider.BenchProvider})
     * @return metric name → value, in the order the table shows them
     */
    Map<String, Double> run(ConnectionFactory factory, int acknowledgeMode, Settings settings) throws Exception;
}
