package dev.petrel.broker;

import dev.petrel.store.MessageStore;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The restart checks of {@link RecoveryTest} against the real H2 store in a temporary directory. */
class H2RecoveryTest extends RecoveryTest {
    @TempDir
    Path dataDirectory;

    @Override
    MessageStore store() {
        return new H2MessageStore(H2StoreConfig.builder(dataDirectory).segmentSize(1024 * 1024)
                .maxApplyLagBytes(1024 * 1024).build());
    }
}
