package dev.petrel.console.api;

import dev.petrel.console.security.ConsoleAuthenticator;
import dev.petrel.console.security.ConsolePrincipal;
import dev.petrel.console.security.ConsoleSecurityContext;
import dev.petrel.console.security.ConsoleSession;
import dev.petrel.console.security.Role;
import dev.petrel.console.security.SessionCookies;
import dev.petrel.console.security.SessionStore;
import dev.petrel.console.web.ErrorBodies;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Optional;

/**
 * {@code /api/session}: log in with JSON credentials (sets the session cookie and returns the CSRF
 * token to send with state-changing requests), see who is logged in, log out.
 */
@Path("api/session")
@Produces(MediaType.APPLICATION_JSON)
@Singleton
public class SessionApi {

    /** Login credentials. */
    public record Credentials(String username, String password) {
    }

    /** The logged-in user, its roles, and the CSRF token for its session (null for HTTP Basic). */
    public record SessionInfo(String user, List<String> roles, String csrfToken, long timeoutSeconds) {
    }

    private final SessionStore sessions;
    private final ConsoleAuthenticator authenticator;

    @Inject
    public SessionApi(SessionStore sessions, ConsoleAuthenticator authenticator) {
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(Credentials credentials, @Context ContainerRequestContext security) {
        if (credentials == null || credentials.username() == null || credentials.password() == null) {
            return ErrorBodies.response(400, "send {\"username\": ..., \"password\": ...}", true);
        }
        Optional<ConsolePrincipal> user = authenticator.authenticate(credentials.username(),
                credentials.password().toCharArray());
        if (user.isEmpty()) {
            return ErrorBodies.response(401, "unknown user or wrong password", true);
        }
        ConsoleSession session = sessions.create(user.get());
        return Response.ok(info(session.principal(), session))
                .cookie(SessionCookies.of(session, security.getSecurityContext().isSecure())).build();
    }

    @GET
    public SessionInfo current(@Context ContainerRequestContext security) {
        ConsoleSecurityContext console = ConsoleSecurityContext.of(security);
        return info(console.getUserPrincipal(), console.session());
    }

    @DELETE
    public Response logout(@Context ContainerRequestContext security) {
        ConsoleSecurityContext console = ConsoleSecurityContext.of(security);
        if (console.session() != null) {
            sessions.remove(console.session().id());
        }
        return Response.noContent().cookie(SessionCookies.expired(security.getSecurityContext().isSecure())).build();
    }

    private SessionInfo info(ConsolePrincipal principal, ConsoleSession session) {
        return new SessionInfo(principal.name(), principal.roles().stream().map(Role::id).sorted().toList(),
                session == null ? null : session.csrfToken(), sessions.timeout().toSeconds());
    }
}
