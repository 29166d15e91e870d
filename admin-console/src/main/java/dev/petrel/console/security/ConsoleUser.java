package dev.petrel.console.security;

import java.util.Objects;
import java.util.Set;

/**
 * A console user as configured: name, PBKDF2 password hash ({@link PasswordHash}) and roles.
 */
public record ConsoleUser(String name, String passwordHash, Set<Role> roles) {

    public ConsoleUser {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a console user name must not be blank");
        }
        PasswordHash.checkFormat(passwordHash);
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("console user '" + name + "' has no role: give it admin or viewer");
        }
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + name + ", roles=" + roles + "]";
    }
}
