package dev.petrel.console.service;

import dev.petrel.console.security.ConsolePrincipal;
import java.util.Objects;

/**
 * Who performs a management action and from where, for authorization and the audit log.
 *
 * @param principal the logged-in user
 * @param remote    the client's address, or null when unknown
 */
public record Actor(ConsolePrincipal principal, String remote) {

    public Actor {
        Objects.requireNonNull(principal, "principal");
    }

    public String user() {
        return principal.name();
    }
}
