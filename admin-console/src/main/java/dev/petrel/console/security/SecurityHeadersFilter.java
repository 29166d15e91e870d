package dev.petrel.console.security;

import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Adds the security headers to every response, errors included: no framing, no MIME sniffing, a
 * same-origin-only content security policy (no inline scripts, no CDN), no referrer leaks, and no
 * caching of pages that show broker data.
 */
@Provider
@Priority(1)
@Singleton
public class SecurityHeadersFilter implements ContainerResponseFilter {

    /** Everything from the console itself; no inline script, no plugins, no framing, forms only to itself. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cross-Origin-Opener-Policy", "same-origin");
        headers.putSingle("Cross-Origin-Resource-Policy", "same-origin");
        if (!request.getUriInfo().getPath().startsWith("static/")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }
}
