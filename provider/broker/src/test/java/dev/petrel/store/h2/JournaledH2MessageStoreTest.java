package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void whileAReaderIsPagingWritesReachH2WithoutWaitingForTheWindowToClose() throws Exception {
        try (H2MessageStore store = store()) {
            long before = openWithQueue1InH2(store);
            assertEquals(0, store.readReferences(1, 0, 10).size());

            long sent = System.nanoTime();
            await(store.write(StoreTestSupport.send(1, 7)));
            long windowEnd = sent + JournalApplierThread.APPLY_WINDOW_NANOS;
            while (store.h2OperationCount() == before && System.nanoTime() < windowEnd) {
                Thread.sleep(5);
            }
            long waited = System.nanoTime() - sent;

            assertTrue(store.h2OperationCount() > before && waited < JournalApplierThread.APPLY_WINDOW_NANOS / 2,
                    "a write after a read reached H2 only after " + waited / 1_000_000 + " ms; the applier held"
                            + " its window open although a reader was paging");
        }
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
