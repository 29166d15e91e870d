package dev.petrel.dist;

import dev.petrel.broker.security.PasswordHash;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the built distribution with security on, one console admin and one console viewer taken
 * from the broker's users, and uses the admin console it serves over HTTP; also checks the
 * distribution ships the resource adapter under {@code rar/}.
 */
class ConsoleIT {
    private static final String BROKER_NAME = "console-it";
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");

    @TempDir
    Path work;
    private Distribution dist;
    private int consolePort;

    @AfterEach
    void stopServer() throws Exception {
        if (dist != null) {
            dist.petrel(work, "stop");
        }
    }

    private void startWithAdminAndViewer() throws Exception {
        consolePort = Distribution.freePort();
        Path config = Distribution.writeConfig(work.resolve("petrel.conf"),
                "# written by ConsoleIT",
                "server.tcp.port = " + Distribution.freePort(),
                "server.console.port = " + consolePort,
                "server.console.adminRoles = ops",
                "server.console.viewerRoles = watchers",
                "broker.name = " + BROKER_NAME,
                "broker.dataDirectory = " + work.resolve("data"),
                "broker.queues = it.console",
                "security.enabled = true",
                "user.alice.password = " + PasswordHash.create("alice-pw".toCharArray(), 10_000),
                "user.alice.roles = ops",
                "user.bob.password = " + PasswordHash.create("bob-pw".toCharArray(), 10_000),
                "user.bob.roles = watchers",
                "user.carol.password = " + PasswordHash.create("carol-pw".toCharArray(), 10_000),
                "user.carol.roles = producers");
        dist = new Distribution(work.resolve("logs"));
        Distribution.Result started = dist.petrel(work, "start", "--config", config.toString());
        assertEquals(0, started.exitCode(), "bin/petrel start:\n" + started.output());
        assertTrue(started.output().contains("admin console on http://127.0.0.1:" + consolePort + "/"),
                "start says where the console listens:\n" + started.output());
    }

    private HttpClient client() {
        // HTTP/1.1: the console's Grizzly answers an h2c upgrade request with 500
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(30)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + consolePort + path);
    }

    /** Logs in through {@code POST /api/session}; returns the session's CSRF token. */
    private String logIn(HttpClient client, String user, String password) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "log in as " + user + ": " + response.body());
        Matcher token = CSRF.matcher(response.body());
        assertTrue(token.find(), "the session answer carries a CSRF token: " + response.body());
        return token.group(1);
    }

    private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void adminLogsInToTheServedConsoleAndSeesTheOverviewAndQueues() throws Exception {
        startWithAdminAndViewer();
        HttpClient admin = client();
        logIn(admin, "alice", "alice-pw");

        HttpResponse<String> overview = get(admin, uri("/"));
        assertEquals(200, overview.statusCode(), overview.body());
        assertTrue(overview.body().contains(BROKER_NAME), "the overview page names the broker");
        HttpResponse<String> queues = get(admin, uri("/api/queues"));
        assertEquals(200, queues.statusCode(), queues.body());
        assertTrue(queues.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(queues.body().contains("\"it.console\""), "the configured queue is listed: " + queues.body());
    }

    @Test
    void viewerIsForbiddenToPurgeAQueue() throws Exception {
        startWithAdminAndViewer();
        HttpClient viewer = client();
        String csrf = logIn(viewer, "bob", "bob-pw");

        HttpResponse<String> purge = viewer.send(HttpRequest.newBuilder(uri("/api/queues/it.console/messages"))
                .header("X-CSRF-Token", csrf).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, purge.statusCode(), purge.body());
    }

    @Test
    void userWithNeitherConsoleRoleCannotLogIn() throws Exception {
        startWithAdminAndViewer();
        HttpResponse<String> response = client().send(HttpRequest.newBuilder(uri("/api/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"carol\",\"password\":\"carol-pw\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), "a broker user without a console role: " + response.body());
    }

    @Test
    void distributionShipsTheResourceAdapterUnderRarAndNotInLib() throws Exception {
        Path home = Path.of(System.getProperty("petrel.home"));
        String version = home.getFileName().toString().substring("petrel-".length());
        assertTrue(Files.isRegularFile(home.resolve("rar/petrel-ra-" + version + ".rar")), "rar/petrel-ra-" + version + ".rar");
        try (var lib = Files.list(home.resolve("lib"))) {
            assertTrue(lib.noneMatch(p -> p.getFileName().toString().startsWith("petrel-ra")), "no resource adapter in lib/");
        }
    }
}
