package dev.petrel.console.security;

import dev.petrel.console.web.ErrorBodies;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lets a request through only when it is allowed to reach a resource: public paths (login form,
 * static files) pass; everything else needs the session cookie of a live session, or, for the
 * API only, HTTP Basic credentials. A state-changing request (any method but GET, HEAD, OPTIONS)
 * made with the session cookie must also carry the session's CSRF token, in the
 * {@value #CSRF_HEADER} header or the {@value #CSRF_FIELD} form field. Unauthenticated page
 * requests are sent to the login form; API requests get 401. Role checks come after this filter
 * ({@code @RolesAllowed}) and in the actions service. Thread-safe.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@Singleton
public class AuthenticationFilter implements ContainerRequestFilter {

    public static final String SESSION_COOKIE = "PETREL_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";

    /** A file directly under static/, no dot-dot, no sub-directories. */
    private static final Pattern STATIC_FILE = Pattern.compile("static/[A-Za-z0-9_-]+\\.[a-z]+");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final SessionStore sessions;
    private final ConsoleAuthenticator authenticator;
    private final RemoteAddress remoteAddress;

    @Inject
    public AuthenticationFilter(SessionStore sessions, ConsoleAuthenticator authenticator, RemoteAddress remoteAddress) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean api = ErrorBodies.isApi(path);
        if (isPublic(path, request.getMethod())) {
            return;
        }
        String remote = remoteAddress.current();
        boolean secure = request.getUriInfo().getRequestUri().getScheme().equals("https");
        Cookie cookie = request.getCookies().get(SESSION_COOKIE);
        Optional<ConsoleSession> session = sessions.find(cookie == null ? null : cookie.getValue());
        if (session.isPresent()) {
            if (!SAFE_METHODS.contains(request.getMethod()) && !hasCsrfToken(request, session.get())) {
                request.abortWith(ErrorBodies.response(403,
                        "missing or wrong CSRF token: send the session's token in the " + CSRF_HEADER
                                + " header or the " + CSRF_FIELD + " form field", api));
                return;
            }
            new ConsoleSecurityContext(session.get().principal(), session.get(), remote, secure).install(request);
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<ConsolePrincipal> user = basic(authorization.substring(6).trim());
            if (user.isPresent()) {
                new ConsoleSecurityContext(user.get(), null, remote, secure).install(request);
                return;
            }
        }
        if (api) {
            Response unauthorized = ErrorBodies.response(401, cookie == null && authorization == null
                    ? "not logged in: POST /api/session or use HTTP Basic"
                    : "not logged in: the session has ended or the credentials are wrong", true);
            request.abortWith(Response.fromResponse(unauthorized)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "PetrelSession realm=\"petrel-api\"").build());
        } else {
            request.abortWith(Response.seeOther(URI.create("/login")).build());
        }
    }

    private static boolean isPublic(String path, String method) {
        return path.equals("login") || STATIC_FILE.matcher(path).matches()
                || (path.equals("api/session") && method.equals("POST"));
    }

    private Optional<ConsolePrincipal> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return authenticator.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray());
    }

    private static boolean hasCsrfToken(ContainerRequestContext request, ConsoleSession session) {
        String token = request.getHeaderString(CSRF_HEADER);
        if (token == null && request.getMediaType() != null
                && request.getMediaType().isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            token = formField(request, CSRF_FIELD);
        }
        return token != null && MessageDigest.isEqual(
                token.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads one field of a url-encoded form body and puts the body back for the resource. */
    static String formField(ContainerRequestContext request, String name) {
        byte[] body;
        try {
            body = request.getEntityStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the form body", e);
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
