package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoredReference;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store with the journal in front of H2, with small segments so that they roll and recycle. */
class JournaledH2MessageStoreTest extends MessageStoreContractTest {
    @Override
    H2StoreConfig config(Path directory) {
        return H2StoreConfig.builder(directory).journal(true).segmentSize(16 * 1024).maxApplyLagBytes(64 * 1024)
                .build();
    }

    @Test
    void theApplierSyncsH2WhenWritesStopEvenBeforeASegmentFills() throws Exception {
        try (H2MessageStore store = store()) {
            store.open();
            long before = store.h2SyncCount();
            await(store.write(StoreTestSupport.addQueue(1, "q")));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (store.h2SyncCount() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(store.h2SyncCount() > before, "H2 was not synced after an idle write");
        }
    }

    @Test
    void aMessageAcknowledgedAFewHundredMillisecondsAfterItsSendNeverReachesH2() throws Exception {
        try (H2MessageStore store = store()) {
            long before = openWithQueue1InH2(store);

            await(store.write(StoreTestSupport.send(1, 7)));
            Thread.sleep(300);
            await(store.write(new StoreBatch().add(new StoreOperation.RemoveReference(1, 7))));
            store.close();

            assertEquals(before, store.h2OperationCount(),
                    "a message sent and removed 300 ms apart (one applier window) was written to H2");
        }
    }

    @Test
    void aWindowThatRemovesManyMessagesAlreadyInH2IsAppliedWithoutWaitingForItsEnd() throws Exception {
        // a lag limit large enough that these removals do not close the window by size
        try (H2MessageStore store = new H2MessageStore(H2StoreConfig.builder(directory).journal(true)
                .maxApplyLagBytes(64L << 20).build())) {
            openWithQueue1InH2(store);
            int count = JournalApplierThread.MAX_KEPT_REMOVALS;
            StoreBatch sends = new StoreBatch();
            StoreBatch removals = new StoreBatch();
            for (long id = 1; id <= count; id++) {
                sends.addAll(StoreTestSupport.send(1, id).operations());
                removals.add(new StoreOperation.RemoveReference(1, id));
            }
            await(store.write(sends));
            assertEquals(count, store.readReferences(1, 0, count + 1).size());
            long before = store.h2OperationCount();

            long removed = System.nanoTime();
            await(store.write(removals));
            long windowEnd = removed + JournalApplierThread.APPLY_WINDOW_NANOS;
            while (store.h2OperationCount() == before && System.nanoTime() < windowEnd) {
                Thread.sleep(5);
            }
            long waited = System.nanoTime() - removed;

            assertTrue(store.h2OperationCount() > before && waited < JournalApplierThread.APPLY_WINDOW_NANOS / 2,
                    count + " removals reached H2 only after " + waited / 1_000_000 + " ms: the applier held"
                            + " H2's deletions of rows it had written before in a transaction open for its whole window");
        }
    }

    @Test
    void aReadOfTheBacklogsHeadDoesNotWaitForTheApplierToApplyNewerSends() throws Exception {
        try (H2MessageStore store = store()) {
            openWithFiveMessagesInH2(store);
            whileApplierHeld(store, release -> {
                await(store.write(StoreTestSupport.send(1, 100)));

                List<StoredReference> head = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> store.readReferences(1, 0, 3));
                assertEquals(List.of(1L, 2L, 3L), ids(head));

                // a page shorter than asked may lack message 100: that read waits for the applier
                CompletableFuture<List<StoredReference>> all = readInThread(store, 0, 10);
                Thread.sleep(300);
                assertFalse(all.isDone(), "a read that may miss an unapplied send did not wait for the applier");
                release.countDown();
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 100L), ids(all.get(30, TimeUnit.SECONDS)));
            });
        }
    }

    @Test
    void aReadNeverReturnsAMessageWhoseRemovalIsConfirmedButNotYetInH2() throws Exception {
        try (H2MessageStore store = store()) {
            openWithFiveMessagesInH2(store);
            whileApplierHeld(store, release -> {
                await(store.write(new StoreBatch().add(new StoreOperation.RemoveReference(1, 4))));

                CompletableFuture<List<StoredReference>> read = readInThread(store, 0, 10);
                Thread.sleep(300);
                assertFalse(read.isDone(), "a read past an unapplied removal did not wait for the applier");
                release.countDown();
                assertEquals(List.of(1L, 2L, 3L, 5L), ids(read.get(30, TimeUnit.SECONDS)));
            });
        }
    }

    @Test
    void removalsBelowWhereAReadStartsDoNotMakeItWait() throws Exception {
        try (H2MessageStore store = store()) {
            openWithFiveMessagesInH2(store);
            whileApplierHeld(store, release -> {
                await(store.write(new StoreBatch().add(new StoreOperation.RemoveReference(1, 1))
                        .add(new StoreOperation.RemoveReference(1, 2))));

                List<StoredReference> rest = assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> store.readReferences(1, 2, 10));
                assertEquals(List.of(3L, 4L, 5L), ids(rest));
            });
        }
    }

    /** Runs {@code body} while the applier applies nothing (until {@code body} or the end opens the latch). */
    private static void whileApplierHeld(H2MessageStore store, HeldApplier body) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        store.holdApplyingUntil(release);
        try {
            body.run(release);
        } finally {
            release.countDown();
        }
    }

    private interface HeldApplier {
        void run(CountDownLatch release) throws Exception;
    }

    /** Opens the store with store queue 1 holding messages 1–5, all of them in H2. */
    private void openWithFiveMessagesInH2(H2MessageStore store) throws Exception {
        openWithQueue1InH2(store);
        for (long id = 1; id <= 5; id++) {
            await(store.write(StoreTestSupport.send(1, id)));
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), ids(store.readReferences(1, 0, 10)));
    }

    private static CompletableFuture<List<StoredReference>> readInThread(H2MessageStore store, long after, int max) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return store.readReferences(1, after, max);
            } catch (StoreException e) {
                throw new CompletionException(e);
            }
        });
    }

    private static List<Long> ids(List<StoredReference> references) {
        return references.stream().map(StoredReference::messageId).toList();
    }

    /**
     * Opens the store and adds store queue 1, then waits until its row is in H2, so that the applier is
     * idle when the test's writes come; returns the operations H2 has had so far.
     */
    private long openWithQueue1InH2(H2MessageStore store) throws Exception {
        store.open();
        await(store.write(StoreTestSupport.addQueue(1, "q")));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (store.h2OperationCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long before = store.h2OperationCount();
        assertTrue(before > 0, "the queue's row never reached H2");
        return before;
    }
}
