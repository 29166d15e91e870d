package dev.petrel.console.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Authenticates against a fixed list of users with PBKDF2 password hashes. Unknown names are
 * checked against a dummy hash so they cost as much as a wrong password. Thread-safe (immutable).
 */
public final class ConfiguredUsersAuthenticator implements ConsoleAuthenticator {

    private final Map<String, ConsoleUser> users = new LinkedHashMap<>();
    private final String dummyHash;

    public ConfiguredUsersAuthenticator(List<ConsoleUser> users) {
        int iterations = 10_000;
        for (ConsoleUser user : users) {
            if (this.users.put(user.name(), user) != null) {
                throw new IllegalArgumentException("console user '" + user.name() + "' is configured twice");
            }
            iterations = Math.max(iterations, PasswordHash.iterationsOf(user.passwordHash()));
        }
        this.dummyHash = PasswordHash.hash("not a password".toCharArray(), iterations);
    }

    @Override
    public Optional<ConsolePrincipal> authenticate(String user, char[] password) {
        ConsoleUser known = user == null ? null : users.get(user);
        if (known == null) {
            PasswordHash.verify(password, dummyHash);
            return Optional.empty();
        }
        if (!PasswordHash.verify(password, known.passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(new ConsolePrincipal(known.name(), known.roles()));
    }
}
