package dev.petrel.console.security;

import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The JAX-RS security context of an authenticated request: the user, and the session when the
 * request came with the session cookie (null for HTTP Basic on the API).
 */
public final class ConsoleSecurityContext implements SecurityContext {

    /** The request property the authentication filter stores this context under. */
    static final String PROPERTY = ConsoleSecurityContext.class.getName();

    /**
     * The context of an authenticated request. Jersey hands resources a proxy of the security
     * context, so the filter also keeps the context itself as a request property.
     *
     * @throws NotAuthorizedException when the request was not authenticated (a public path)
     */
    public static ConsoleSecurityContext of(ContainerRequestContext request) {
        Object context = request.getProperty(PROPERTY);
        if (!(context instanceof ConsoleSecurityContext console)) {
            throw new NotAuthorizedException("not logged in", "PetrelSession realm=\"petrel-api\"");
        }
        return console;
    }

    /** Makes this the request's security context. */
    void install(ContainerRequestContext request) {
        request.setSecurityContext(this);
        request.setProperty(PROPERTY, this);
    }

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
