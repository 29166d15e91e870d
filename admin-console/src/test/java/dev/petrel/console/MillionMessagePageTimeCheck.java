package dev.petrel.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.console.fixture.ApiClient;
import dev.petrel.console.security.ConsoleUser;
import dev.petrel.console.security.PasswordHash;
import dev.petrel.console.security.Role;
import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.message.TextBodyCodec;
import dev.petrel.store.QueueDefinition;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;
import jakarta.jms.DeliveryMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How long the console's HTML browse page takes on a queue of N persistent messages: page 1 and a
 * page at position 90% of N (a position is the listing's store id; the page after position p starts
 * at id p + 1), each opened five times over HTTP/1.1 by a logged-in admin, the first opening of each
 * being cold. Only correctness is asserted (200, the expected first message listed); the times are
 * logged (INFO). The queue is filled straight into the H2 store in batches of 10,000 (the fastest
 * way in), then a broker recovers it and a {@link ConsoleServer} is started on it. Runs only when asked:
 * {@code mvn -q -o -pl admin-console -am test -Dtest='MillionMessagePageTimeCheck'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbrowse.count=1000000}; the figures are in
 * {@code admin-console/target/surefire-reports/dev.petrel.console.MillionMessagePageTimeCheck-output.txt}.
 *
 * <p>Measured on the shared 2-core build machine, 1,000,000 messages of ~100 bytes, default page of
 * 50 (~26 KB of HTML), two runs: fill 14.6 s, broker recovery 0.3–0.4 s; page 1 cold 340–376 ms
 * (the first page the console renders: template and JIT warm-up), warm 18–48 ms; page at position
 * 900,000 cold 50–51 ms (already after page 1), warm 23–46 ms. Deep pages cost the same as page 1.
 *
 * <p>Threading: one test thread; the console serves on its own threads.
 */
@EnabledIfSystemProperty(named = "browse.count", matches = "\\d+")
class MillionMessagePageTimeCheck {
    private static final Logger LOG = LoggerFactory.getLogger(MillionMessagePageTimeCheck.class);
    private static final int FILL_BATCH = 10_000;
    private static final int ROUNDS = 5;
    private static final String QUEUE = "big";
    private static final String ADMIN = "alice";
    private static final String ADMIN_PASSWORD = "alice-secret";

    @TempDir
    Path dataDirectory;

    @Test
    void firstAndDeepBrowsePagesOfALargeQueueRenderForALoggedInAdmin() throws Exception {
        int count = Integer.getInteger("browse.count");
        long fillStart = System.nanoTime();
        fill(count);
        LOG.info("filled {} messages in {} ms", count, millisSince(fillStart));
        long brokerStart = System.nanoTime();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("page-time").dataDirectory(dataDirectory).start()) {
            LOG.info("broker recovered in {} ms", millisSince(brokerStart));
            ConsoleConfig config = ConsoleConfig.builder().port(0)
                    .user(new ConsoleUser(ADMIN, PasswordHash.hash(ADMIN_PASSWORD.toCharArray(), 10_000), Set.of(Role.ADMIN)))
                    .build();
            try (ConsoleServer server = ConsoleServer.start(broker.admin(), config)) {
                ApiClient client = new ApiClient(server.baseUri());
                assertEquals(200, client.login(ADMIN, ADMIN_PASSWORD).status());
                long deep = count - count / 10;
                for (int round = 1; round <= ROUNDS; round++) {
                    String when = round == 1 ? "cold" : "warm";
                    timedPage("round " + round + " (" + when + "): browse page 1", "browse?queue=" + QUEUE, 1, client);
                    timedPage("round " + round + " (" + when + "): browse page at position " + deep,
                            "browse?queue=" + QUEUE + "&position=" + deep, deep + 1, client);
                }
            }
        }
    }

    private static void timedPage(String what, String page, long firstId, ApiClient client) {
        long start = System.nanoTime();
        ApiClient.Reply reply = client.page(page);
        double millis = (System.nanoTime() - start) / 1e6;
        LOG.info("{}: {} ms ({} characters of HTML)", what, String.format("%.1f", millis), reply.body().length());
        assertEquals(200, reply.status(), page);
        assertTrue(reply.body().contains("data-id=\"" + firstId + "\""), page + " lists message " + firstId);
    }

    private void fill(int count) throws Exception {
        try (H2MessageStore store = new H2MessageStore(H2StoreConfig.builder(dataDirectory).build())) {
            store.open();
            store.write(new StoreBatch().add(new StoreOperation.AddQueue(1, QueueDefinition.queue(QUEUE))))
                    .get(60, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            for (int from = 1; from <= count; from += FILL_BATCH) {
                StoreBatch batch = new StoreBatch();
                for (long id = from; id < from + FILL_BATCH && id <= count; id++) {
                    MessageData m = new MessageData("ID:big-" + id, System.currentTimeMillis(), null, null, null,
                            DestinationRef.queue(QUEUE), DeliveryMode.PERSISTENT, 4, 0, 0, null, Map.of("n", (int) id),
                            BodyType.TEXT, TextBodyCodec.encode("message " + id));
                    batch.add(new StoreOperation.AddMessage(id, MessageCodec.encode(m)));
                    batch.add(new StoreOperation.AddReference(1, id, 4, 0));
                }
                pending.add(store.write(batch));
                if (pending.size() >= 4) {
                    pending.remove(0).get(120, TimeUnit.SECONDS);
                }
            }
            for (CompletableFuture<Void> f : pending) {
                f.get(120, TimeUnit.SECONDS);
            }
        }
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
