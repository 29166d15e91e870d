package dev.petrel.console.security;

import java.util.Set;

/** Who a request acts as, once authenticated: a user name and roles. Immutable. */
public record ConsolePrincipal(String name, Set<Role> roles) implements java.security.Principal {

    public ConsolePrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Admins may change things. */
    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
