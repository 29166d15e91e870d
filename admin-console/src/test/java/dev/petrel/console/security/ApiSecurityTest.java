package dev.petrel.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.console.fixture.ApiClient;
import dev.petrel.console.fixture.ConsoleFixture;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiSecurityTest {

    @RegisterExtension
    final ConsoleFixture fixture = new ConsoleFixture(Duration.ofMinutes(30));

    private ApiClient login(String user, String password) {
        ApiClient client = new ApiClient(fixture.baseUri());
        assertEquals(200, client.login(user, password).status(), "login as " + user);
        return client;
    }

    private ApiClient admin() {
        return login(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
    }

    private ApiClient viewer() {
        return login(ConsoleFixture.VIEWER, ConsoleFixture.VIEWER_PASSWORD);
    }

    @Test
    void apiRequestWithoutLoginAnswers401() {
        assertEquals(401, new ApiClient(fixture.baseUri()).get("api/queues").status());
    }

    @Test
    void unauthorizedApiAnswerDoesNotInviteTheBrowserToCacheBasicCredentials() {
        String challenge = new ApiClient(fixture.baseUri()).get("api/queues").header("WWW-Authenticate");
        assertFalse(challenge.startsWith("Basic"), challenge);
    }

    @Test
    void staticFilesAreServedWithoutLogin() {
        ApiClient.Reply reply = new ApiClient(fixture.baseUri()).page("static/console.css");
        assertEquals(200, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("text/css"), reply.header("Content-Type"));
    }

    @Test
    void aDotDotPathUnderStaticDoesNotBypassTheLogin() {
        fixture.queue("orders");
        ApiClient.Reply reply = new ApiClient(fixture.baseUri()).get("static/..%2Fapi%2Fqueues");
        assertTrue(reply.status() == 401 || reply.status() == 303 || reply.status() == 404, reply.status() + " " + reply.body());
        assertFalse(reply.body().contains("orders"), reply.body());
    }

    @Test
    void wrongPasswordAnswers401() {
        assertEquals(401, new ApiClient(fixture.baseUri()).login(ConsoleFixture.ADMIN, "wrong").status());
    }

    @Test
    void pageRequestWithoutLoginRedirectsToTheLoginForm() {
        ApiClient.Reply reply = new ApiClient(fixture.baseUri()).get("queues");
        assertEquals(303, reply.status());
        assertTrue(reply.header("Location").endsWith("/login"), reply.header("Location"));
    }

    @Test
    void viewerMayRead() {
        fixture.queue("orders");
        assertEquals(200, viewer().get("api/queues").status());
    }

    @Test
    void viewerPurgeAnswers403AndLeavesTheMessages() {
        fixture.sendToQueue("orders", "a", Map.of());
        ApiClient viewer = viewer();
        assertEquals(403, viewer.delete("api/queues/orders/messages").status());
        assertEquals(1, viewer.get("api/queues/orders").json().get("depth").asLong());
    }

    @Test
    void viewerCannotCloseConnections() {
        String id = fixture.connection("app-1", "orders");
        assertEquals(403, viewer().delete("api/connections/" + id).status());
    }

    @Test
    void stateChangeWithoutCsrfTokenAnswers403AndChangesNothing() {
        fixture.sendToQueue("orders", "a", Map.of());
        ApiClient admin = admin();
        ApiClient.Reply reply = admin.deleteWithoutCsrf("api/queues/orders/messages");
        assertEquals(403, reply.status());
        assertTrue(reply.json().get("message").asText().contains("CSRF"), reply.body());
        assertEquals(1, admin.get("api/queues/orders").json().get("depth").asLong());
    }

    @Test
    void stateChangeWithAnotherSessionsCsrfTokenAnswers403() {
        fixture.sendToQueue("orders", "a", Map.of());
        ApiClient admin = admin();
        String otherToken = admin().csrfToken();
        HttpRequest request = HttpRequest.newBuilder(fixture.baseUri().resolve("api/queues/orders/messages"))
                .DELETE().header("Cookie", admin.sessionCookie()).header("X-CSRF-Token", otherToken).build();
        assertEquals(403, admin.execute(request).status());
    }

    @Test
    void pageFormPostWithoutCsrfFieldAnswers403() {
        fixture.sendToQueue("orders", "a", Map.of());
        ApiClient admin = admin();
        HttpRequest request = HttpRequest.newBuilder(fixture.baseUri().resolve("actions/purge"))
                .header("Cookie", admin.sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("queue=orders")).build();
        assertEquals(403, admin.execute(request).status());
        assertEquals(1, admin.get("api/queues/orders").json().get("depth").asLong());
    }

    @Test
    void pageFormPostWithCsrfFieldPurgesAndRedirects() {
        fixture.sendToQueue("orders", "a", Map.of());
        ApiClient admin = admin();
        HttpRequest request = HttpRequest.newBuilder(fixture.baseUri().resolve("actions/purge"))
                .header("Cookie", admin.sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("queue=orders&_csrf=" + admin.csrfToken())).build();
        assertEquals(303, admin.execute(request).status());
        assertEquals(0, admin.get("api/queues/orders").json().get("depth").asLong());
    }

    @Test
    void viewerPagePurgeAnswers403EvenWithAValidCsrfToken() {
        fixture.sendToQueue("orders", "a", Map.of());
        ApiClient viewer = viewer();
        HttpRequest request = HttpRequest.newBuilder(fixture.baseUri().resolve("actions/purge"))
                .header("Cookie", viewer.sessionCookie())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("queue=orders&_csrf=" + viewer.csrfToken())).build();
        assertEquals(403, viewer.execute(request).status());
        assertEquals(1, viewer.get("api/queues/orders").json().get("depth").asLong());
    }

    @Test
    void pageRequestAfterTheSessionTimedOutRedirectsToTheLoginForm() {
        ApiClient admin = admin();
        fixture.clock().advance(Duration.ofMinutes(31));
        ApiClient.Reply reply = admin.page("topics");
        assertEquals(303, reply.status());
        assertTrue(reply.header("Location").endsWith("/login"), reply.header("Location"));
    }

    @Test
    void loginFormPostWithoutItsCsrfCookieAnswers403() {
        HttpRequest request = HttpRequest.newBuilder(fixture.baseUri().resolve("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-secret&_csrf=forged")).build();
        assertEquals(403, new ApiClient(fixture.baseUri()).execute(request).status());
    }

    @Test
    void basicAuthenticationWorksForTheApi() {
        fixture.queue("orders");
        ApiClient client = new ApiClient(fixture.baseUri()).basic(ConsoleFixture.VIEWER, ConsoleFixture.VIEWER_PASSWORD);
        assertEquals(200, client.get("api/queues/orders").status());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() {
        ApiClient.Reply reply = new ApiClient(fixture.baseUri()).login(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD);
        String cookie = reply.header("Set-Cookie");
        assertTrue(cookie.startsWith("PETREL_SESSION="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
    }

    @Test
    void sessionEndsAfterTheIdleTimeout() {
        ApiClient admin = admin();
        fixture.clock().advance(Duration.ofMinutes(31));
        assertEquals(401, admin.get("api/overview").status());
    }

    @Test
    void sessionStaysAliveWhileItIsUsed() {
        ApiClient admin = admin();
        fixture.clock().advance(Duration.ofMinutes(20));
        admin.get("api/overview");
        fixture.clock().advance(Duration.ofMinutes(20));
        assertEquals(200, admin.get("api/overview").status());
    }

    @Test
    void logoutEndsTheSession() {
        ApiClient admin = admin();
        assertEquals(204, admin.delete("api/session").status());
        assertEquals(401, admin.get("api/overview").status());
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        ApiClient admin = admin();
        for (ApiClient.Reply reply : List.of(admin.get("api/overview"), admin.page("queues"), admin.get("api/nope"), admin.page("no-such-page"),
                new ApiClient(fixture.baseUri()).page("login"), new ApiClient(fixture.baseUri()).get("api/queues"))) {
            String where = reply.raw().uri() + " " + reply.status();
            assertEquals("DENY", reply.header("X-Frame-Options"), where);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), where);
            assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY, reply.header("Content-Security-Policy"), where);
            assertNotNull(reply.header("Referrer-Policy"), where);
        }
    }

    @Test
    void contentSecurityPolicyAllowsOnlyTheConsoleItself() {
        String csp = SecurityHeadersFilter.CONTENT_SECURITY_POLICY;
        assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'")
                && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("http"), csp);
    }

    @Test
    void messageBodyWithMarkupIsShownAsText() {
        fixture.sendToQueue("orders", "<script>alert('x')</script>", Map.of("<b>name</b>", "<img src=x>"));
        ApiClient admin = admin();
        String id = admin.get("api/queues/orders/messages").json().get("messages").get(0).get("id").asText();
        String page = admin.page("message?queue=orders&id=" + id).body();
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script>alert"), "the body's markup is never live");
        assertFalse(page.contains("<img src=x>"), "property values are escaped");
    }
}
