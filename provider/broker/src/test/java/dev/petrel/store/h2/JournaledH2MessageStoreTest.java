package dev.petrel.store.h2;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

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
}
