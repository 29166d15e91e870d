package dev.petrel.console.web;

import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The console's own stylesheet and script, from the jar; only the files listed here are served. */
@Path("static")
@Singleton
public class StaticFiles {

    private static final Map<String, String> FILES = Map.of(
            "console.css", "text/css; charset=UTF-8",
            "console.js", "text/javascript; charset=UTF-8");

    @GET
    @Path("{file}")
    public Response file(@PathParam("file") String file) {
        String type = FILES.get(file);
        if (type == null) {
            throw new NotFoundException("no static file '" + file + "'");
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream("/dev/petrel/console/static/" + file)) {
            if (in == null) {
                throw new IllegalStateException("static file '" + file + "' is missing from the console's jar");
            }
            CacheControl cache = new CacheControl();
            cache.setMaxAge(300);
            return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read static file '" + file + "'", e);
        }
    }
}
