package dev.petrel.management;

import java.time.Duration;
import java.time.Instant;

/**
 * The broker at a glance.
 *
 * @param brokerName       the broker's name ({@code vm://<name>})
 * @param version          Petrel's version
 * @param startedAt        when the broker started
 * @param uptime           how long it has run
 * @param storeLocation    where the store lives (directory or database URL); "memory" when not persistent
 * @param storeBytes       the store's size on disk, 0 when not persistent
 * @param connectionCount  open client connections
 * @param messagesIn       messages accepted from producers since start
 * @param messagesOut      messages acknowledged by consumers since start
 * @param memoryUsedBytes  heap held by messages in all destinations
 * @param memoryLimitBytes the broker's memory limit for messages
 * @param pagingDestinations how many queues and subscriptions currently page their backlog from the store
 */
public record BrokerOverview(
        String brokerName,
        String version,
        Instant startedAt,
        Duration uptime,
        String storeLocation,
        long storeBytes,
        int connectionCount,
        long messagesIn,
        long messagesOut,
        long memoryUsedBytes,
        long memoryLimitBytes,
        int pagingDestinations) {

    /** True when any destination pages. */
    public boolean paging() {
        return pagingDestinations > 0;
    }
}
