package dev.petrel.dist;

import dev.petrel.broker.config.PetrelConfig;
import dev.petrel.broker.security.PasswordHash;
import dev.petrel.broker.security.UserAccount;
import dev.petrel.console.security.ConsoleUser;
import dev.petrel.console.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConsoleUsersTest {
    private static final PasswordHash HASH = PasswordHash.create("pw".toCharArray(), 10_000);

    private static List<ConsoleUser> usersWithRoles(String... roles) {
        PetrelConfig.Console console = new PetrelConfig.Console(0, Set.of("ops"), Set.of("watchers"),
                List.of(new UserAccount("u", HASH, Set.of(roles))));
        return ConsoleUsers.of(console);
    }

    @Test
    void holderOfAnAdminRoleBecomesConsoleAdminWithTheSameHash() {
        List<ConsoleUser> users = usersWithRoles("ops");
        assertEquals(Set.of(Role.ADMIN), users.get(0).roles());
        assertEquals(HASH.toString(), users.get(0).passwordHash());
    }

    @Test
    void holderOfAViewerRoleBecomesConsoleViewer() {
        assertEquals(Set.of(Role.VIEWER), usersWithRoles("watchers").get(0).roles());
    }

    @Test
    void userHoldingNeitherRoleIsLeftOut() {
        assertEquals(List.of(), usersWithRoles("producers"));
    }
}
