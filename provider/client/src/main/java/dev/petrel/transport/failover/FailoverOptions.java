package dev.petrel.transport.failover;

import jakarta.jms.JMSException;

import java.util.Map;

/**
 * The options of a {@code failover:(url1,url2)?opt=value} URL. Immutable.
 *
 * @param initialReconnectDelay milliseconds before the first reconnect attempt (doubled after each failed attempt)
 * @param maxReconnectDelay     the cap on that delay, in milliseconds
 * @param maxReconnectAttempts  attempts (each one member) before giving up; also bounds the initial connect
 * @param randomize             whether the member order is shuffled once when connecting
 * @param reconnectTimeout      how long, in milliseconds, a call arriving during reconnection waits before it fails
 */
public record FailoverOptions(long initialReconnectDelay, long maxReconnectDelay, int maxReconnectAttempts,
                              boolean randomize, long reconnectTimeout) {

    /** Parses the options; unknown options are ignored (member URLs carry their own). */
    public static FailoverOptions parse(Map<String, String> options) throws JMSException {
        long initial = number(options, "initialReconnectDelay", 100, 0, 3_600_000);
        long max = number(options, "maxReconnectDelay", 5_000, 0, 3_600_000);
        if (max < initial) {
            throw new JMSException("failover option maxReconnectDelay=" + max
                    + " is smaller than initialReconnectDelay=" + initial + "; it must be at least that");
        }
        int attempts = (int) number(options, "maxReconnectAttempts", 20, 1, 1_000_000);
        String randomize = options.getOrDefault("randomize", "true");
        if (!randomize.equalsIgnoreCase("true") && !randomize.equalsIgnoreCase("false")) {
            throw new JMSException("failover option randomize='" + randomize + "' must be true or false");
        }
        long timeout = number(options, "reconnectTimeout", 30_000, 1, 3_600_000);
        return new FailoverOptions(initial, max, attempts, Boolean.parseBoolean(randomize), timeout);
    }

    /** The delay before attempt {@code attempt} (1-based): 0 for the first, then doubling from the initial delay, capped. */
    public long delayBefore(int attempt) {
        if (attempt <= 1) {
            return 0;
        }
        long delay = initialReconnectDelay;
        for (int i = 2; i < attempt && delay < maxReconnectDelay; i++) {
            delay *= 2;
        }
        return Math.min(delay, maxReconnectDelay);
    }

    private static long number(Map<String, String> options, String name, long defaultValue, long min, long max)
            throws JMSException {
        String text = options.get(name);
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new JMSException("failover option " + name + "='" + text + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new JMSException("failover option " + name + "=" + value + " is out of range; it must be between "
                    + min + " and " + max);
        }
        return value;
    }
}
