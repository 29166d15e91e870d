package dev.petrel.broker.security;

import java.util.Set;

/** One configured user: name, password hash and roles. Immutable. */
public record UserAccount(String name, PasswordHash passwordHash, Set<String> roles) {
    public UserAccount {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "UserAccount[" + name + ", roles=" + roles + "]";
    }
}
