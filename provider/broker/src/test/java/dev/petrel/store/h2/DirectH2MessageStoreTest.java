package dev.petrel.store.h2;

import java.nio.file.Path;

/** The store without the journal: each group is an H2 commit plus {@code CHECKPOINT SYNC}. */
class DirectH2MessageStoreTest extends MessageStoreContractTest {
    @Override
    H2StoreConfig config(Path directory) {
        return H2StoreConfig.builder(directory).journal(false).build();
    }
}
