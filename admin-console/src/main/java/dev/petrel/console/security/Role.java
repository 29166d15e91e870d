package dev.petrel.console.security;

import java.util.Locale;

/** What a console user may do. */
public enum Role {
    /** May see everything and change things (purge, delete, move, retry, send, close). */
    ADMIN,
    /** May see everything, change nothing. */
    VIEWER;

    /** The role's name as used in {@code @RolesAllowed} and in configuration: {@code admin}, {@code viewer}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code admin} or {@code viewer} (any case). */
    public static Role of(String id) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown console role '" + id + "': expected admin or viewer");
    }
}
