package dev.petrel.store.h2;

import java.nio.file.Path;

/** The store with the journal in front of H2, with small segments so that they roll and recycle. */
class JournaledH2MessageStoreTest extends MessageStoreContractTest {
    @Override
    H2StoreConfig config(Path directory) {
        return H2StoreConfig.builder(directory).journal(true).segmentSize(16 * 1024).maxApplyLagBytes(64 * 1024)
                .build();
    }
}
