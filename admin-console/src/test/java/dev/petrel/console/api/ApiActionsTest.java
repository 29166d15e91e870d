package dev.petrel.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petrel.console.fixture.ApiClient;
import dev.petrel.console.fixture.ConsoleFixture;
import dev.petrel.management.AuditEvent;
import dev.petrel.management.MessageDetail;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiActionsTest {

    @RegisterExtension
    final ConsoleFixture fixture = new ConsoleFixture();

    private ApiClient admin() {
        ApiClient client = new ApiClient(fixture.baseUri());
        assertEquals(200, client.login(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD).status());
        return client;
    }

    @Test
    void purgingOneSubscriptionReportsItsCountAndLeavesTheOtherSubscription() {
        String billing = fixture.durableSubscription("orders", "app-1", "billing");
        String shipping = fixture.durableSubscription("orders", "app-2", "shipping");
        fixture.publish("orders", "a", Map.of());
        fixture.publish("orders", "b", Map.of());
        ApiClient client = admin();
        JsonNode purged = client.delete("api/topics/orders/subscriptions/" + billing + "/messages").json();
        JsonNode topic = client.get("api/topics/orders").json();
        assertEquals(2, purged.get("affected").asLong());
        assertEquals(0, topic.get("subscriptions").get(0).get("backlog").asLong(), billing + " is empty");
        assertEquals(2, topic.get("subscriptions").get(1).get("backlog").asLong(), shipping + " keeps its messages");
    }

    @Test
    void purgingAllSubscriptionsOfATopicReportsTheTotal() {
        fixture.durableSubscription("orders", "app-1", "billing");
        fixture.durableSubscription("orders", "app-2", "shipping");
        fixture.publish("orders", "a", Map.of());
        assertEquals(2, admin().delete("api/topics/orders/messages").json().get("affected").asLong());
    }

    @Test
    void purgeWritesAnAuditRecordWithTheUser() {
        fixture.sendToQueue("orders", "a", Map.of());
        admin().delete("api/queues/orders/messages");
        AuditEvent event = fixture.auditEvents().get(0);
        assertEquals(ConsoleFixture.ADMIN, event.user());
        assertEquals("purge", event.action());
        assertEquals(1, event.affected());
        assertEquals("127.0.0.1", event.remote());
    }

    @Test
    void movingMatchingMessagesMovesOnlyThoseTheSelectorMatches() {
        fixture.queue("archive");
        fixture.sendToQueue("orders", "eu", Map.of("region", "EU"));
        fixture.sendToQueue("orders", "us", Map.of("region", "US"));
        ApiClient client = admin();
        JsonNode moved = client.post("api/queues/orders/move",
                "{\"to\":{\"kind\":\"QUEUE\",\"name\":\"archive\"},\"selector\":\"region = 'EU'\"}").json();
        assertEquals(1, moved.get("affected").asLong());
        assertEquals(1, client.get("api/queues/archive").json().get("depth").asLong());
    }

    @Test
    void retrySendsDeadLettersBackToTheirOriginalQueue() {
        fixture.queue("orders");
        fixture.sendToQueue("DLQ", "poison", Map.of(MessageDetail.ORIGINAL_DESTINATION_PROPERTY, "orders"));
        ApiClient client = admin();
        JsonNode result = client.post("api/queues/DLQ/retry", "{}").json();
        assertEquals(1, result.get("retried").asLong());
        assertEquals(1, client.get("api/queues/orders").json().get("depth").asLong());
    }

    @Test
    void deletingOneMessageRemovesOnlyIt() {
        fixture.sendToQueue("orders", "a", Map.of());
        fixture.sendToQueue("orders", "b", Map.of());
        ApiClient client = admin();
        String id = client.get("api/queues/orders/messages").json().get("messages").get(0).get("id").asText();
        assertEquals(200, client.delete("api/queues/orders/messages/" + id).status());
        assertEquals(1, client.get("api/queues/orders").json().get("depth").asLong());
    }

    @Test
    void sentTestMessageArrivesWithItsProperties() {
        fixture.queue("orders");
        ApiClient client = admin();
        client.post("api/queues/orders/send", "{\"text\":\"hi\",\"properties\":{\"region\":\"EU\"}}");
        String id = client.get("api/queues/orders/messages").json().get("messages").get(0).get("id").asText();
        JsonNode message = client.get("api/queues/orders/messages/" + id).json();
        assertEquals("hi", message.get("body").get("text").asText());
        assertEquals("region", message.get("properties").get(0).get("name").asText());
    }

    @Test
    void jsonTextBodyIsPrettyPrinted() {
        fixture.sendToQueue("orders", "{\"a\":1,\"b\":[1,2]}", Map.of());
        ApiClient client = admin();
        String id = client.get("api/queues/orders/messages").json().get("messages").get(0).get("id").asText();
        JsonNode body = client.get("api/queues/orders/messages/" + id).json().get("body");
        assertTrue(body.get("json").asBoolean());
        assertTrue(body.get("text").asText().contains("\n"), "pretty-printed over several lines");
    }

    @Test
    void closingAConnectionRemovesItFromTheList() {
        String id = fixture.connection("app-1", "orders");
        ApiClient client = admin();
        assertEquals(200, client.delete("api/connections/" + id).status());
        assertEquals(0, client.get("api/connections").json().size());
    }
}
