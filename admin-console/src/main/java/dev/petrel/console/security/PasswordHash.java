package dev.petrel.console.security;

/**
 * Salted PBKDF2 (HMAC-SHA256) password hashes for console users, in the broker's format so one
 * hash string serves both: {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>}
 * (what {@code bin/petrel hash-password} prints). A thin facade over the broker's
 * {@link dev.petrel.broker.security.PasswordHash}, the one hashing implementation. Stateless and
 * thread-safe.
 */
public final class PasswordHash {

    /** Iterations for new hashes (OWASP's 2023 advice for PBKDF2-HMAC-SHA256 is 600,000). */
    public static final int DEFAULT_ITERATIONS = dev.petrel.broker.security.PasswordHash.DEFAULT_ITERATIONS;

    private PasswordHash() {
    }

    /** A new hash of {@code password} with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** A new hash with a fresh random salt and the given iteration count (at least 10,000). */
    public static String hash(char[] password, int iterations) {
        return dev.petrel.broker.security.PasswordHash.create(password, iterations).toString();
    }

    /**
     * True when {@code password} matches {@code stored}. Compares in constant time.
     *
     * @throws IllegalArgumentException when {@code stored} is not a hash of this format
     */
    public static boolean verify(char[] password, String stored) {
        return dev.petrel.broker.security.PasswordHash.parse(stored).matches(password);
    }

    /** Checks that {@code stored} has the right shape, for validating configuration at start-up. */
    public static void checkFormat(String stored) {
        dev.petrel.broker.security.PasswordHash.parse(stored);
    }

    /** The iteration count of a well-formed {@code stored} hash. */
    static int iterationsOf(String stored) {
        checkFormat(stored);
        return Integer.parseInt(stored.trim().split(":")[1]);
    }
}
