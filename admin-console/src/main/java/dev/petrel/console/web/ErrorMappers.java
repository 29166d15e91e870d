package dev.petrel.console.web;

import dev.petrel.management.BadSelectorException;
import dev.petrel.management.ManagementConflictException;
import dev.petrel.management.ManagementException;
import dev.petrel.management.UnknownObjectException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps errors to responses, JSON for the API and an HTML page otherwise: unknown things 404, bad
 * selectors and bad arguments 400 (with the reason), conflicts 409, JAX-RS errors keep their
 * status (401, 403, 404, 405, ...), anything else 500 with a generic message (details in the log).
 */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    /** The management API's exceptions. */
    @Provider
    public static class Management implements ExceptionMapper<ManagementException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(ManagementException e) {
            int status;
            if (e instanceof UnknownObjectException) {
                status = 404;
            } else if (e instanceof BadSelectorException) {
                status = 400;
            } else if (e instanceof ManagementConflictException) {
                status = 409;
            } else {
                status = 500;
            }
            return ErrorBodies.response(status, e.getMessage(), ErrorBodies.isApi(uri.getPath()));
        }
    }

    /** Arguments outside documented limits (page size, priority, order...). */
    @Provider
    public static class BadArgument implements ExceptionMapper<IllegalArgumentException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(IllegalArgumentException e) {
            return ErrorBodies.response(400, e.getMessage(), ErrorBodies.isApi(uri.getPath()));
        }
    }

    /** JAX-RS's own errors: unknown path, method not allowed, not authorized, forbidden. */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            if (status < 400) {
                return original;
            }
            String message = status == 403 && (e.getMessage() == null || e.getMessage().startsWith("HTTP 403"))
                    ? "not allowed: this needs the admin role" : e.getMessage();
            Response mapped = ErrorBodies.response(status, message, ErrorBodies.isApi(uri.getPath()));
            Response.ResponseBuilder builder = Response.fromResponse(mapped);
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
            return builder.build();
        }
    }

    /** Anything unexpected: logged with its stack, answered with 500 and no internals. */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        private static final Logger LOG = LoggerFactory.getLogger(Unexpected.class);

        @Context
        private UriInfo uri;

        @Override
        public Response toResponse(RuntimeException e) {
            LOG.error("console request {} failed", uri.getPath(), e);
            return ErrorBodies.response(500, "internal error: see the broker log", ErrorBodies.isApi(uri.getPath()));
        }
    }
}
