package dev.petrel.console.security;

import java.util.Optional;

/**
 * Checks a user name and password. The console's one seam for where users come from: today the
 * users listed in the console configuration ({@link ConfiguredUsersAuthenticator}), later the
 * broker's own user configuration. Implementations are thread-safe and must take about as long
 * for an unknown user as for a wrong password.
 */
public interface ConsoleAuthenticator {

    /** The authenticated user, or empty when the name is unknown or the password wrong. */
    Optional<ConsolePrincipal> authenticate(String user, char[] password);
}
