package dev.petrel.broker.security;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A salted password hash stored as one string:
 * {@code pbkdf2-sha256:<iterations>:<base64 salt>:<base64 hash>} (PBKDF2WithHmacSHA256, 16-byte
 * random salt per user, 32-byte hash). Immutable and thread-safe.
 */
public final class PasswordHash {
    public static final String SCHEME = "pbkdf2-sha256";
    /** Iterations for new hashes (OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600,000). */
    public static final int DEFAULT_ITERATIONS = 600_000;
    static final int MIN_ITERATIONS = 10_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} with a fresh random salt. */
    public static PasswordHash create(char[] password, int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be at least " + MIN_ITERATIONS + ", was " + iterations);
        }
        byte[] salt = new byte[SALT_BYTES];
        new SecureRandom().nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * Parses the stored form; throws {@code IllegalArgumentException} saying what is wrong with it
     * (never echoing the value, which is a secret).
     */
    public static PasswordHash parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.trim().split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a password hash must have the form " + SCHEME
                    + ":<iterations>:<base64 salt>:<base64 hash> (make one with 'bin/petrel hash-password')");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the password hash's iteration count is not a number");
        }
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("the password hash's iteration count " + iterations
                    + " is below the minimum of " + MIN_ITERATIONS);
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (salt.length < 8 || hash.length < 16) {
                throw new IllegalArgumentException("the password hash's salt (at least 8 bytes) or hash (at least 16 bytes) is too short");
            }
            return new PasswordHash(iterations, salt, hash);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the password hash")) {
                throw e;
            }
            throw new IllegalArgumentException("the password hash's salt or hash is not valid base64");
        }
    }

    /** True when {@code password} matches; compares in constant time. */
    public boolean matches(char[] password) {
        byte[] candidate = derive(password, salt, iterations, hash.length);
        return MessageDigest.isEqual(candidate, hash);
    }

    /** The stored form. */
    @Override
    public String toString() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM: " + e.getMessage(), e);
        } finally {
            spec.clearPassword();
        }
    }

    int iterations() {
        return iterations;
    }

    byte[] saltCopy() {
        return Arrays.copyOf(salt, salt.length);
    }
}
