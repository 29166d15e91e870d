package dev.petrel.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.console.fixture.ApiClient;
import dev.petrel.console.fixture.ConsoleFixture;
import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MapBodyCodec;
import dev.petrel.message.MessageData;
import dev.petrel.message.ObjectBodyCodec;
import jakarta.jms.MessageFormatException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PageRenderingTest {

    @RegisterExtension
    final ConsoleFixture fixture = new ConsoleFixture();

    private ApiClient admin() {
        ApiClient client = new ApiClient(fixture.baseUri());
        assertEquals(200, client.login(ConsoleFixture.ADMIN, ConsoleFixture.ADMIN_PASSWORD).status());
        return client;
    }

    private String firstId(ApiClient client, String queue) {
        return client.get("api/queues/" + queue + "/messages").json().get("messages").get(0).get("id").asText();
    }

    private static MessageData message(String queue, BodyType type, byte[] body) {
        return new MessageData("ID:x", System.currentTimeMillis(), null, null, null, DestinationRef.queue(queue), 2, 4,
                0, 0, null, Map.of(), type, body);
    }

    @Test
    void everyListingPageRenders() {
        String sub = fixture.durableSubscription("orders", "app-1", "billing");
        fixture.publish("orders", "x", Map.of());
        fixture.sendToQueue("invoices", "y", Map.of());
        fixture.connection("app-1", "invoices");
        ApiClient admin = admin();
        for (String page : new String[] {"", "topics", "queues", "connections", "browse?queue=invoices",
                "browse?topic=orders&sub=" + sub, "browse?queue=invoices&order=newest&pageSize=1"}) {
            ApiClient.Reply reply = admin.page(page);
            assertEquals(200, reply.status(), "/" + page + " renders: " + reply.body());
        }
    }

    @Test
    void everyConfirmationPageSaysHowManyMessagesAreAffected() {
        String sub = fixture.durableSubscription("orders", "app-1", "billing");
        fixture.publish("orders", "x", Map.of());
        fixture.publish("orders", "y", Map.of());
        ApiClient admin = admin();
        String page = admin.page("confirm?action=purge&topic=orders&sub=" + sub).body();
        assertTrue(page.contains("remove all 2 messages"), page);
        assertTrue(admin.page("confirm?action=purge-all&topic=orders").body().contains("remove 2 messages"));
    }

    @Test
    void otherConfirmationPagesRender() {
        String sub = fixture.durableSubscription("orders", "app-1", "billing");
        fixture.sendToQueue("DLQ", "x", Map.of());
        String conn = fixture.connection("app-1", "DLQ");
        ApiClient admin = admin();
        for (String page : new String[] {"confirm?action=retry&queue=DLQ", "confirm?action=close-connection&connection=" + conn,
                "confirm?action=delete-subscription&topic=orders&sub=" + sub,
                "confirm?action=move&queue=DLQ&selector=a%3D1&toKind=queue&toName=x",
                "confirm?action=delete-message&queue=DLQ&id=1"}) {
            assertEquals(200, admin.page(page).status(), page);
        }
    }

    @Test
    void badSelectorOnTheBrowsePageShowsTheParsersMessage() {
        fixture.sendToQueue("orders", "x", Map.of());
        ApiClient.Reply reply = admin().page("browse?queue=orders&selector=a%20%3D%3D");
        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("id=\"selector-error\""), reply.body());
    }

    @Test
    void bytesBodyIsShownAsHexWithItsSize() {
        fixture.send(message("bin", BodyType.BYTES, new byte[] {(byte) 0xCA, (byte) 0xFE, 0x01}));
        ApiClient admin = admin();
        String page = admin.page("message?queue=bin&id=" + firstId(admin, "bin")).body();
        assertTrue(page.contains("ca fe 01"), page);
        assertTrue(page.contains("<span id=\"body-size\">3</span>"), page);
    }

    @Test
    void mapBodyIsShownEntryByEntry() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("count", 3);
        map.put("name", "widget");
        fixture.send(message("maps", BodyType.MAP, MapBodyCodec.encode(map)));
        ApiClient admin = admin();
        String page = admin.page("message?queue=maps&id=" + firstId(admin, "maps")).body();
        assertTrue(page.contains("<th>count</th><td>Integer</td><td>3</td>"), page);
    }

    @Test
    void objectBodyIsShownAsClassAndSizeWithoutDeserializing() throws MessageFormatException {
        byte[] serialized = ObjectBodyCodec.encode(new java.util.ArrayList<>(java.util.List.of("a")));
        fixture.send(message("objects", BodyType.OBJECT, serialized));
        ApiClient admin = admin();
        String page = admin.page("message?queue=objects&id=" + firstId(admin, "objects")).body();
        assertTrue(page.contains("<code id=\"body-class\">java.util.ArrayList</code>"), page);
        assertTrue(page.contains("<span id=\"body-size\">" + serialized.length + "</span>"), page);
    }
}
