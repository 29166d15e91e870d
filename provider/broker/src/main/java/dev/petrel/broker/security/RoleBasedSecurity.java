package dev.petrel.broker.security;

import dev.petrel.broker.Authenticator;
import jakarta.jms.JMSSecurityException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users with salted password hashes, roles, and per-destination-pattern permissions: both the
 * broker's {@link Authenticator} and its {@link Authorizer}.
 *
 * <p>A user may perform an action on a destination when ANY permission whose pattern matches the
 * destination's name grants that action to one of the user's roles; everything else is denied.
 * Creating a temporary destination needs one of the {@code temporaryRoles}; sending to, consuming
 * from and browsing temporary destinations is left to the broker's own rule (only the creating
 * connection consumes). Unknown users cost one hash like known ones, so timing does not tell
 * whether a user exists; hashes are compared in constant time.
 *
 * <p>Immutable apart from a bounded decision cache; thread-safe.
 */
public final class RoleBasedSecurity implements Authenticator, Authorizer {
    private static final int CACHE_LIMIT = 10_000;
    private static final PasswordHash DECOY = PasswordHash.create("decoy".toCharArray(), PasswordHash.MIN_ITERATIONS);

    private record Decision(String user, Action action, String destination) {
    }

    private final Map<String, UserAccount> users;
    private final List<Permission> permissions;
    private final Set<String> temporaryRoles;
    private final Map<Decision, Boolean> cache = new ConcurrentHashMap<>();

    public RoleBasedSecurity(Map<String, UserAccount> users, List<Permission> permissions, Set<String> temporaryRoles) {
        this.users = Map.copyOf(users);
        this.permissions = List.copyOf(permissions);
        this.temporaryRoles = Set.copyOf(temporaryRoles);
    }

    @Override
    public void authenticate(String username, String password) throws JMSSecurityException {
        if (username == null || username.isEmpty()) {
            throw new JMSSecurityException("no user name given: this broker requires a user name and password", "NO_USER");
        }
        UserAccount account = users.get(username);
        char[] given = password == null ? new char[0] : password.toCharArray();
        boolean ok;
        if (account == null) {
            DECOY.matches(given.length == 0 ? new char[] {'x'} : given);
            ok = false;
        } else {
            ok = given.length > 0 && account.passwordHash().matches(given);
        }
        java.util.Arrays.fill(given, '\0');
        if (!ok) {
            throw new JMSSecurityException("user '" + username + "' was not authenticated: unknown user, or "
                    + (password == null || password.isEmpty() ? "no password given" : "wrong password"), "BAD_CREDENTIALS");
        }
    }

    @Override
    public void authorize(String user, Action action, String destination) throws JMSSecurityException {
        Decision key = new Decision(user, action, destination);
        Boolean allowed = cache.get(key);
        if (allowed == null) {
            allowed = decide(user, action, destination);
            if (cache.size() < CACHE_LIMIT) {
                cache.put(key, allowed);
            }
        }
        if (!allowed) {
            throw new JMSSecurityException("user '" + user + "' is not allowed to " + describe(action) + " '"
                    + destination + "'", "NOT_AUTHORIZED");
        }
    }

    private boolean decide(String user, Action action, String destination) {
        UserAccount account = user == null ? null : users.get(user);
        if (account == null) {
            return false;
        }
        if (action == Action.CREATE_TEMPORARY) {
            return account.roles().stream().anyMatch(temporaryRoles::contains);
        }
        for (Permission permission : permissions) {
            if (permission.grants(action, destination, account.roles())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Action action) {
        return switch (action) {
            case SEND -> "send to";
            case CONSUME -> "consume from";
            case BROWSE -> "browse";
            case CREATE_DURABLE -> "create a durable subscription on";
            case CREATE_TEMPORARY -> "create the temporary destination";
            case ADMINISTER -> "administer (create or manage)";
        };
    }
}
