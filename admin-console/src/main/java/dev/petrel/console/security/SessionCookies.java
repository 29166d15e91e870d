package dev.petrel.console.security;

import jakarta.ws.rs.core.NewCookie;

/** The session cookie: HttpOnly, SameSite=Strict, whole site, ends with the browser session. */
public final class SessionCookies {

    private SessionCookies() {
    }

    public static NewCookie of(ConsoleSession session, boolean secure) {
        return cookie(AuthenticationFilter.SESSION_COOKIE, session.id(), -1, secure);
    }

    /** Tells the browser to drop the session cookie (logout). */
    public static NewCookie expired(boolean secure) {
        return cookie(AuthenticationFilter.SESSION_COOKIE, "", 0, secure);
    }

    public static NewCookie cookie(String name, String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
