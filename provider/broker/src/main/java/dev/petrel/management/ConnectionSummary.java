package dev.petrel.management;

import java.time.Instant;
import java.util.List;

/**
 * One open client connection.
 *
 * @param id            the broker's id for it
 * @param remoteAddress where it connects from ({@code host:port}, or {@code vm} for in-VM)
 * @param clientId      its JMS client id, or null
 * @param user          the authenticated user, or null when anonymous
 * @param connectedAt   when it connected
 * @param sessions      open sessions
 * @param producers     open producers
 * @param consumers     its consumers with their destinations
 */
public record ConnectionSummary(
        String id,
        String remoteAddress,
        String clientId,
        String user,
        Instant connectedAt,
        int sessions,
        int producers,
        List<ConsumerInfo> consumers) {

    public ConnectionSummary {
        consumers = List.copyOf(consumers);
    }
}
