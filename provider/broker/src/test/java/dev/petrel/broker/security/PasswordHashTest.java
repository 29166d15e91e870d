package dev.petrel.broker.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHashTest {

    @Test
    void storedFormParsesBackAndMatchesTheSamePassword() {
        String stored = PasswordHash.create("s3cret".toCharArray(), 10_000).toString();
        assertTrue(stored.startsWith("pbkdf2-sha256:10000:"));
        assertTrue(PasswordHash.parse(stored).matches("s3cret".toCharArray()));
    }

    @Test
    void wrongPasswordDoesNotMatch() {
        assertFalse(PasswordHash.create("s3cret".toCharArray(), 10_000).matches("s3cret!".toCharArray()));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(PasswordHash.create("a".toCharArray(), 10_000).toString(),
                PasswordHash.create("a".toCharArray(), 10_000).toString());
    }
}
