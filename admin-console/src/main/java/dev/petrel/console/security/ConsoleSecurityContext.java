package dev.petrel.console.security;

import jakarta.ws.rs.core.SecurityContext;

/**
 * The JAX-RS security context of an authenticated request: the user, and the session when the
 * request came with the session cookie (null for HTTP Basic on the API).
 */
public final class ConsoleSecurityContext implements SecurityContext {

    private final ConsolePrincipal principal;
    private final ConsoleSession session;
    private final String remote;
    private final boolean secure;

    public ConsoleSecurityContext(ConsolePrincipal principal, ConsoleSession session, String remote, boolean secure) {
        this.principal = principal;
        this.session = session;
        this.remote = remote;
        this.secure = secure;
    }

    @Override
    public ConsolePrincipal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return principal.roles().stream().anyMatch(r -> r.id().equals(role));
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return session != null ? FORM_AUTH : BASIC_AUTH;
    }

    /** The session, or null when the request authenticated with HTTP Basic. */
    public ConsoleSession session() {
        return session;
    }

    /** The client's address, or null. */
    public String remote() {
        return remote;
    }
}
