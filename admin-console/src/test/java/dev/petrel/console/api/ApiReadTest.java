package dev.petrel.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petrel.console.fixture.ApiClient;
import dev.petrel.console.fixture.ConsoleFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiReadTest {

    @RegisterExtension
    final ConsoleFixture fixture = new ConsoleFixture();

    private ApiClient loggedIn(String user, String password) {
        ApiClient client = new ApiClient(fixture.baseUri());
        assertEquals(200, client.login(user, password).status(), "login succeeds");
        return client;
    }

    @Test
    void consoleListensOnLoopbackByDefault() {
        assertEquals("127.0.0.1", fixture.baseUri().getHost());
    }

    @Test
    void overviewReportsTheBrokersCounters() {
        fixture.sendToQueue("orders", "one", Map.of());
        JsonNode overview = loggedIn(ConsoleFixture.VIEWER, ConsoleFixture.VIEWER_PASSWORD).get("api/overview").json();
        assertEquals("test-broker", overview.get("brokerName").asText());
        assertEquals(1, overview.get("messagesIn").asLong());
    }

    @Test
    void topicListingShowsEachSubscriptionsBacklog() {
        String billing = fixture.durableSubscription("orders", "app-1", "billing");
        fixture.durableSubscription("orders", "app-2", "shipping");
        fixture.publish("orders", "hello", Map.of());
        JsonNode topic = loggedIn(ConsoleFixture.VIEWER, ConsoleFixture.VIEWER_PASSWORD).get("api/topics/orders").json();
        JsonNode first = topic.get("subscriptions").get(0);
        assertEquals(billing, first.get("id").asText());
        assertEquals(1, first.get("backlog").asLong());
        assertTrue(first.get("durable").asBoolean());
        assertFalse(first.get("shared").asBoolean());
    }

    @Test
    void browsingPagesByPositionUntilTheEnd() {
        for (int i = 0; i < 5; i++) {
            fixture.sendToQueue("orders", "m" + i, Map.of());
        }
        ApiClient client = loggedIn(ConsoleFixture.VIEWER, ConsoleFixture.VIEWER_PASSWORD);
        JsonNode first = client.get("api/queues/orders/messages?pageSize=2").json();
        JsonNode second = client.get("api/queues/orders/messages?pageSize=2&position="
                + first.get("nextPosition").asText()).json();
        JsonNode third = client.get("api/queues/orders/messages?pageSize=2&position="
                + second.get("nextPosition").asText()).json();
        assertEquals(2, first.get("messages").size());
        assertEquals(2, second.get("messages").size());
        assertEquals(1, third.get("messages").size());
        assertTrue(third.get("nextPosition").isNull(), "the last page has no next position");
    }
}
