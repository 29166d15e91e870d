package dev.petrel.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.console.fixture.ApiClient;
import dev.petrel.console.fixture.ConsoleFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiStatusCodeTest {

    @RegisterExtension
    final ConsoleFixture fixture = new ConsoleFixture();

    private ApiClient admin() {
        ApiClient client = new ApiClient(fixture.baseUri());
        assertEquals(200, client.login(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD).status());
        return client;
    }

    @Test
    void unknownQueueAnswers404WithItsName() {
        ApiClient.Reply reply = admin().get("api/queues/nope");
        assertEquals(404, reply.status());
        assertTrue(reply.json().get("message").asText().contains("'nope'"), reply.body());
    }

    @Test
    void browsingAnUnknownSubscriptionAnswers404() {
        assertEquals(404, admin().get("api/topics/orders/subscriptions/x:y/messages").status());
    }

    @Test
    void purgingAnUnknownQueueAnswers404() {
        assertEquals(404, admin().delete("api/queues/nope/messages").status());
    }

    @Test
    void badSelectorAnswers400WithTheParsersMessage() {
        fixture.sendToQueue("orders", "x", Map.of());
        ApiClient.Reply reply = admin().get("api/queues/orders/messages?selector=region%20%3D%3D%3D%20'EU'");
        assertEquals(400, reply.status());
        assertTrue(reply.json().get("message").asText().startsWith("invalid selector \"region === 'EU'\""), reply.body());
    }

    @Test
    void pageSizeOutOfRangeAnswers400() {
        fixture.queue("orders");
        ApiClient.Reply reply = admin().get("api/queues/orders/messages?pageSize=100000");
        assertEquals(400, reply.status());
        assertTrue(reply.json().get("message").asText().contains("pageSize must be 1 to 500"), reply.body());
    }

    @Test
    void deletingADurableSubscriptionWithConsumersAnswers409() {
        String live = fixture.activeDurableSubscription("orders", "app-1", "live", 1);
        assertEquals(409, admin().delete("api/topics/orders/subscriptions/" + live).status());
    }

    @Test
    void movingMessagesToTheQueueTheyAreInAnswers409() {
        fixture.sendToQueue("orders", "x", Map.of());
        ApiClient.Reply reply = admin().post("api/queues/orders/move", "{\"to\":{\"kind\":\"QUEUE\",\"name\":\"orders\"}}");
        assertEquals(409, reply.status());
    }

    @Test
    void unknownPathAnswers404AsJson() {
        ApiClient.Reply reply = admin().get("api/no-such-thing");
        assertEquals(404, reply.status());
        assertEquals(404, reply.json().get("status").asInt());
    }

    @Test
    void malformedJsonAnswers400() {
        fixture.queue("orders");
        assertEquals(400, admin().post("api/queues/orders/send", "{not json").status());
    }
}
