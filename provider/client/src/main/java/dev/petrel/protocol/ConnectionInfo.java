package dev.petrel.protocol;

/**
 * What the broker tells a client when it connects.
 *
 * @param connectionId the broker's id for this connection, unique while the broker runs
 * @param brokerName   the broker's name
 * @param brokerVersion the broker's version
 */
public record ConnectionInfo(String connectionId, String brokerName, String brokerVersion) {
}
