package dev.petrel.console.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2 (HMAC-SHA256) password hashes, stored as one string:
 * {@code pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>}. The iteration count travels in
 * the string, so it can be raised later without invalidating stored hashes. Stateless and thread-safe.
 */
public final class PasswordHash {

    /** Iterations for new hashes (OWASP's 2023 advice for PBKDF2-HMAC-SHA256 is 600,000). */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** A new hash of {@code password} with a fresh random salt and {@link #DEFAULT_ITERATIONS}. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT_ITERATIONS);
    }

    /** A new hash with a fresh random salt and the given iteration count (at least 1,000). */
    public static String hash(char[] password, int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("PBKDF2 iterations must be at least 1,000, was " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations, HASH_BITS);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * True when {@code password} matches {@code stored}. Compares in constant time.
     *
     * @throws IllegalArgumentException when {@code stored} is not a hash this class wrote
     */
    public static boolean verify(char[] password, String stored) {
        Parsed parsed = parse(stored);
        byte[] actual = derive(password, parsed.salt, parsed.iterations, parsed.hash.length * 8);
        return MessageDigest.isEqual(parsed.hash, actual);
    }

    /** Checks that {@code stored} has the right shape, for validating configuration at start-up. */
    public static void checkFormat(String stored) {
        parse(stored);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a " + SCHEME + " password hash: expected "
                    + SCHEME + "$<iterations>$<salt>$<hash>");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("password hash has a bad iteration count '" + parts[1] + "'", e);
        }
        if (iterations < 1_000) {
            throw new IllegalArgumentException("password hash has too few iterations: " + iterations + " < 1,000");
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("password hash has a salt of " + salt.length
                        + " bytes (minimum 8) or a hash of " + hash.length + " bytes (minimum 16)");
            }
            return new Parsed(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("password hash is malformed: " + e.getMessage(), e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
