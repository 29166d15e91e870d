package dev.petrel.ra.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The managed server's {@code server.log}, which the unpacked server keeps (appending) across runs
 * of the suite.
 *
 * <p>Threading: stateless.
 */
final class ServerLog {

    /** WildFly's "starting" message: the first line of each server run. */
    private static final String STARTING = "WFLYSRV0049";

    private ServerLog() {
    }

    static Path path() {
        return Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
    }

    /** What the server logged since it last started (this suite's server). */
    static String sinceLastStart() throws IOException {
        String all = Files.readString(path(), StandardCharsets.UTF_8);
        int start = all.lastIndexOf(STARTING);
        if (start < 0) {
            throw new IOException(path() + " has no " + STARTING + " line: is it the log of this server?");
        }
        return all.substring(start);
    }
}
