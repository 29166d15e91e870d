package dev.petrel.dist;

import dev.petrel.broker.config.PetrelConfig;
import dev.petrel.broker.security.UserAccount;
import dev.petrel.console.security.ConsoleUser;
import dev.petrel.console.security.Role;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The admin console's users, taken from the broker's configured users ({@code user.<name>.*}):
 * the same password hash string, console role {@code admin} for holders of a role in
 * {@code server.console.adminRoles}, {@code viewer} for holders of one in
 * {@code server.console.viewerRoles}. A user with neither is left out and cannot log in.
 * Stateless.
 */
final class ConsoleUsers {
    private ConsoleUsers() {
    }

    static List<ConsoleUser> of(PetrelConfig.Console console) {
        List<ConsoleUser> users = new ArrayList<>();
        for (UserAccount account : console.users()) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (holdsAny(account, console.adminRoles())) {
                roles.add(Role.ADMIN);
            }
            if (holdsAny(account, console.viewerRoles())) {
                roles.add(Role.VIEWER);
            }
            if (!roles.isEmpty()) {
                users.add(new ConsoleUser(account.name(), account.passwordHash().toString(), roles));
            }
        }
        return users;
    }

    private static boolean holdsAny(UserAccount account, Set<String> roles) {
        return account.roles().stream().anyMatch(roles::contains);
    }
}
