package dev.petrel.console.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordVerifies() {
        assertTrue(PasswordHash.verify("s3cret".toCharArray(), PasswordHash.hash("s3cret".toCharArray(), 10_000)));
    }

    @Test
    void aWrongPasswordDoesNotVerify() {
        assertFalse(PasswordHash.verify("s3creT".toCharArray(), PasswordHash.hash("s3cret".toCharArray(), 10_000)));
    }

    @Test
    void twoHashesOfOnePasswordDifferByTheirSalt() {
        assertNotEquals(PasswordHash.hash("p".toCharArray(), 10_000), PasswordHash.hash("p".toCharArray(), 10_000));
    }

    @Test
    void hashRecordsSchemeAndIterations() {
        assertTrue(PasswordHash.hash("p".toCharArray(), 12_345).startsWith("pbkdf2-sha256:12345:"));
    }

    @Test
    void newHashesUseTheDefaultIterations() {
        assertTrue(PasswordHash.hash("p".toCharArray()).startsWith("pbkdf2-sha256:" + PasswordHash.DEFAULT_ITERATIONS + ":"));
    }

    @Test
    void plainTextIsRejectedAsAStoredHash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.checkFormat("secret"));
        assertTrue(e.getMessage().contains("pbkdf2-sha256:<iterations>:<base64 salt>:<base64 hash>"), e.getMessage());
    }

    @Test
    void tooFewIterationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash("p".toCharArray(), 10));
    }
}
