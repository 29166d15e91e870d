package dev.petrel.console.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Error responses in the form the client asked for: a JSON object {@code {status, error, message}}
 * for the API, an HTML error page for the console pages. The message is shown escaped.
 */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /** True for paths of the JSON API ({@code api/...}, relative to the application root). */
    public static boolean isApi(String path) {
        return path.equals("api") || path.startsWith("api/");
    }

    public static Response response(int status, String message, boolean api) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Error" : known.getReasonPhrase();
        if (api) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", status);
            body.put("error", reason);
            body.put("message", message);
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }
        View page = new View("error").with("status", status).with("reason", reason).with("message", message);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }
}
