package dev.petrel.broker.admin;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.management.BrokerAdmin;
import dev.petrel.management.BrowseOrder;
import dev.petrel.management.BrowsePage;
import dev.petrel.management.BrowseRequest;
import dev.petrel.management.QueueRef;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Browsing a queue of a million stored messages: the store is filled directly in big batches (fast),
 * the broker recovers it, and the first page, a page deep in the queue (by position), the newest
 * page and a selector scan are timed. Runs only when asked:
 * {@code mvn -q -pl provider/broker -am test -Dtest='dev.petrel.broker.admin.MillionMessageBrowseCheck'
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbrowse.count=1000000}; the figures are logged (INFO).
 *
 * <p>Measured on the shared 2-core build machine (1,000,000 messages of ~100 bytes, page of 50, five
 * rounds; the first round includes JIT warm-up): fill 17–43 s, recovery 0.4–1.2 s; page 1 oldest
 * first 65–113 ms cold, 3–7 ms warm; page at position 900,000: 3–12 ms; page 1 newest first 3–14 ms;
 * message detail deep in the store 0.2–1.3 ms; a selector scan of 50,000 non-matching messages
 * (one call, which then returns a short page with a position to go on from) 80–300 ms; purging the
 * whole queue 21.6 s (about 46,000 messages a second, in batches of 500).
 */
@EnabledIfSystemProperty(named = "browse.count", matches = "\\d+")
class MillionMessageBrowseCheck {
    private static final Logger LOG = LoggerFactory.getLogger(MillionMessageBrowseCheck.class);
    private static final int FILL_BATCH = 10_000;
    private static final int PAGE = 50;

    @TempDir
    Path dataDirectory;

    @Test
    void firstAndDeepPagesOfAMillionMessageQueueComeBackInMilliseconds() throws Exception {
        int count = Integer.getInteger("browse.count");
        long fillStart = System.nanoTime();
        fill(count);
        LOG.info("filled {} messages in {} ms", count, millisSince(fillStart));
        long startBroker = System.nanoTime();
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("million").dataDirectory(dataDirectory).start()) {
            LOG.info("broker recovered in {} ms", millisSince(startBroker));
            BrokerAdmin admin = broker.admin();
            QueueRef queue = new QueueRef("big");
            assertEquals(count, admin.queue("big").orElseThrow().depth());
            for (int round = 1; round <= 5; round++) {
                BrowsePage first = timed("round " + round + ": page 1 oldest first", () ->
                        admin.browse(BrowseRequest.firstPage(queue, PAGE)));
                assertEquals(1, first.messages().get(0).id().equals("1") ? 1 : 0);
                long deep = count - count / 10;
                BrowsePage deepPage = timed("round " + round + ": page at position " + deep, () ->
                        admin.browse(new BrowseRequest(queue, Long.toString(deep), PAGE, null, BrowseOrder.OLDEST_FIRST)));
                assertEquals(Long.toString(deep + 1), deepPage.messages().get(0).id());
                BrowsePage newest = timed("round " + round + ": page 1 newest first", () ->
                        admin.browse(new BrowseRequest(queue, null, PAGE, null, BrowseOrder.NEWEST_FIRST)));
                assertEquals(Long.toString(count), newest.messages().get(0).id());
                timed("round " + round + ": next newest page", () ->
                        admin.browse(new BrowseRequest(queue, newest.nextPosition(), PAGE, null, BrowseOrder.NEWEST_FIRST)));
                BrowsePage selected = timed("round " + round + ": selector n > " + (count - 5) + " newest first (then scans on to the limit)", () ->
                        admin.browse(new BrowseRequest(queue, null, PAGE, "n > " + (count - 5), BrowseOrder.NEWEST_FIRST)));
                assertEquals(5, selected.messages().size());
                timed("round " + round + ": selector matching nothing, one scan (" + BacklogScanner.SCAN_LIMIT
                        + " messages looked at)", () -> admin.browse(new BrowseRequest(queue, null, PAGE, "n < 0",
                        BrowseOrder.OLDEST_FIRST)));
                timed("round " + round + ": message detail deep in the store", () ->
                        admin.message(queue, Long.toString(deep)));
            }
            long purged = timed("purge of the whole queue (batches of " + BacklogEditor.BATCH + ")", () ->
                    admin.purge(queue));
            assertEquals(count, purged);
            assertEquals(0, admin.queue("big").orElseThrow().depth());
        }
    }

    private void fill(int count) throws Exception {
        try (H2MessageStore store = new H2MessageStore(H2StoreConfig.builder(dataDirectory).build())) {
            store.open();
            store.write(new StoreBatch().add(new StoreOperation.AddQueue(1, QueueDefinition.queue("big"))))
                    .get(60, TimeUnit.SECONDS);
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            for (int from = 1; from <= count; from += FILL_BATCH) {
                StoreBatch batch = new StoreBatch();
                for (long id = from; id < from + FILL_BATCH && id <= count; id++) {
                    MessageData m = new MessageData("ID:big-" + id, System.currentTimeMillis(), null, null, null,
                            DestinationRef.queue("big"), DeliveryMode.PERSISTENT, 4, 0, 0, null, Map.of("n", (int) id),
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

    private static <T> T timed(String what, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        LOG.info("{}: {} ms", what, String.format("%.1f", (System.nanoTime() - start) / 1e6));
        return result;
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
