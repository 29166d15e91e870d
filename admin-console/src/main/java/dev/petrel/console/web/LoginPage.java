package dev.petrel.console.web;

import dev.petrel.console.security.AuthenticationFilter;
import dev.petrel.console.security.ConsoleAuthenticator;
import dev.petrel.console.security.ConsolePrincipal;
import dev.petrel.console.security.ConsoleSecurityContext;
import dev.petrel.console.security.ConsoleSession;
import dev.petrel.console.security.SessionCookies;
import dev.petrel.console.security.SessionStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The login form and logout. The form is protected against login CSRF by a double-submit token: a
 * random value in a SameSite=Strict cookie that the form must echo.
 */
@Path("")
@Produces(MediaType.TEXT_HTML)
@Singleton
public class LoginPage {

    static final String LOGIN_CSRF_COOKIE = "PETREL_LOGIN_CSRF";

    private final SessionStore sessions;
    private final ConsoleAuthenticator authenticator;

    @Inject
    public LoginPage(SessionStore sessions, ConsoleAuthenticator authenticator) {
        this.sessions = sessions;
        this.authenticator = authenticator;
    }

    @GET
    @Path("login")
    public Response form(@QueryParam("error") String error, @QueryParam("ended") String ended,
                         @CookieParam(LOGIN_CSRF_COOKIE) String existing, @Context UriInfo uri) {
        // Reuse the browser's token: a second GET (another tab, a stray redirect) must not invalidate the open form.
        String token = existing != null && existing.length() >= 40 ? existing : sessions.newToken();
        View view = new View("login").with("title", "Log in").with("csrf", token)
                .with("error", error != null).with("ended", ended != null);
        return Response.ok(view).cookie(SessionCookies.cookie(LOGIN_CSRF_COOKIE, token, -1, isSecure(uri))).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("username") String username, @FormParam("password") String password,
                          @FormParam(AuthenticationFilter.CSRF_FIELD) String csrf,
                          @CookieParam(LOGIN_CSRF_COOKIE) String expectedCsrf, @Context UriInfo uri) {
        if (csrf == null || expectedCsrf == null || !MessageDigest.isEqual(
                csrf.getBytes(StandardCharsets.UTF_8), expectedCsrf.getBytes(StandardCharsets.UTF_8))) {
            return ErrorBodies.response(403, "the login form has expired or was not sent by this console: "
                    + "reload the login page", false);
        }
        Optional<ConsolePrincipal> user = username == null || password == null
                ? Optional.empty() : authenticator.authenticate(username, password.toCharArray());
        if (user.isEmpty()) {
            return Response.seeOther(URI.create("/login?error")).build();
        }
        ConsoleSession session = sessions.create(user.get());
        return Response.seeOther(URI.create("/"))
                .cookie(SessionCookies.of(session, isSecure(uri)),
                        SessionCookies.cookie(LOGIN_CSRF_COOKIE, "", 0, isSecure(uri)))
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context ContainerRequestContext security, @Context UriInfo uri) {
        ConsoleSession session = ConsoleSecurityContext.of(security).session();
        if (session != null) {
            sessions.remove(session.id());
        }
        return Response.seeOther(URI.create("/login?ended")).cookie(SessionCookies.expired(isSecure(uri))).build();
    }

    private static boolean isSecure(UriInfo uri) {
        return "https".equals(uri.getRequestUri().getScheme());
    }
}
