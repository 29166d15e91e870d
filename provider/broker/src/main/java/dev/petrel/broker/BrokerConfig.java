package dev.petrel.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The settings of one broker, immutable.
 *
 * @param name                   the broker's name ({@code vm://<name>})
 * @param autoCreateDestinations whether unknown queues and topics are created on first use
 * @param memoryLimitBytes       heap for messages in all destinations; a message that cannot be
 *                               paged to the store (non-persistent, or no store) is held past it
 *                               until consumers free memory, at most {@code memoryWaitMillis}, then
 *                               refused with {@code ResourceAllocationException}
 * @param queueMemoryLimitBytes  heap one queue or subscription keeps in memory; past it persistent
 *                               messages stay only in the store and are paged back in
 * @param defaultPolicy          the policy of destinations no pattern matches
 * @param policies               name pattern ({@code *} wildcard) to policy, first match wins
 * @param memoryWaitMillis       how long such a send may be held for memory (0: refused at once);
 *                               default {@value #DEFAULT_MEMORY_WAIT_MILLIS}
 */
public record BrokerConfig(String name, boolean autoCreateDestinations, long memoryLimitBytes,
                           long queueMemoryLimitBytes, DestinationPolicy defaultPolicy,
                           Map<String, DestinationPolicy> policies, long memoryWaitMillis) {

    public static final long DEFAULT_MEMORY_WAIT_MILLIS = 30_000;

    /** With the default memory wait. */
    public BrokerConfig(String name, boolean autoCreateDestinations, long memoryLimitBytes, long queueMemoryLimitBytes,
                        DestinationPolicy defaultPolicy, Map<String, DestinationPolicy> policies) {
        this(name, autoCreateDestinations, memoryLimitBytes, queueMemoryLimitBytes, defaultPolicy, policies,
                DEFAULT_MEMORY_WAIT_MILLIS);
    }

    public BrokerConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("broker name must not be blank");
        }
        if (memoryLimitBytes <= 0) {
            throw new IllegalArgumentException("memoryLimit must be positive, was " + memoryLimitBytes);
        }
        if (queueMemoryLimitBytes <= 0) {
            throw new IllegalArgumentException("queueMemoryLimit must be positive, was " + queueMemoryLimitBytes);
        }
        if (memoryWaitMillis < 0) {
            throw new IllegalArgumentException("memoryWait must not be negative, was " + memoryWaitMillis + " ms");
        }
        if (defaultPolicy == null) {
            throw new IllegalArgumentException("defaultPolicy must not be null");
        }
        policies = policies == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(policies));
    }

    /** A configuration with every default and the given name. */
    public static BrokerConfig defaults(String name) {
        return new BrokerConfig(name, true, 256L * 1024 * 1024, 16L * 1024 * 1024, DestinationPolicy.DEFAULT, Map.of());
    }

    /** The policy for a destination name: the first matching pattern's, else the default. */
    public DestinationPolicy policyFor(String destinationName) {
        for (Map.Entry<String, DestinationPolicy> e : policies.entrySet()) {
            if (matches(e.getKey(), destinationName)) {
                return e.getValue();
            }
        }
        return defaultPolicy;
    }

    static boolean matches(String pattern, String name) {
        StringBuilder regex = new StringBuilder();
        String[] parts = pattern.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.matches(regex.toString(), name);
    }
}
