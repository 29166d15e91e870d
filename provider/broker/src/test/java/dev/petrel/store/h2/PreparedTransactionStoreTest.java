package dev.petrel.store.h2;

import dev.petrel.store.QueueDefinition;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoredReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Prepared XA branches in the H2 store: durable, recovered, committed, rolled back, replayed twice harmlessly. */
class PreparedTransactionStoreTest {
    private static final byte[] XID = "xid-1".getBytes(StandardCharsets.UTF_8);
    @TempDir
    Path directory;

    private H2MessageStore open(boolean journal) {
        return new H2MessageStore(H2StoreConfig.builder(directory).journal(journal).build());
    }

    /** Queue 1 holds message 1; a branch acknowledges it and sends message 2 to queue 1. */
    private static StoreOperation.PrepareTransaction branch() {
        return new StoreOperation.PrepareTransaction(XID, List.of(
                new StoreOperation.AddMessage(2, new byte[]{2}),
                new StoreOperation.AddReference(1, 2, 4, 0),
                new StoreOperation.RemoveReference(1, 1)));
    }

    private void prepare(boolean journal) throws Exception {
        try (H2MessageStore store = open(journal)) {
            store.open();
            store.write(new StoreBatch().add(new StoreOperation.AddQueue(1, QueueDefinition.queue("q")))
                    .add(new StoreOperation.AddMessage(1, new byte[]{1}))
                    .add(new StoreOperation.AddReference(1, 1, 4, 0))).join();
            store.write(new StoreBatch().add(branch())).join();
        }
    }

    private static List<Long> ids(List<StoredReference> references) {
        return references.stream().map(StoredReference::messageId).toList();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void preparedBranchIsRecoveredWithItsOperationsAndCountsItsMessageIds(boolean journal) throws Exception {
        prepare(journal);
        try (H2MessageStore store = open(journal)) {
            Recovery recovery = store.open();
            assertEquals(1, recovery.preparedTransactions().size());
            assertArrayEquals(XID, recovery.preparedTransactions().get(0).xid());
            assertEquals(3, recovery.preparedTransactions().get(0).operations().size());
            assertEquals(2, recovery.maxMessageId());
            assertEquals(List.of(1L), ids(store.readReferences(1, 0, 10)));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void commitPreparedAppliesTheBranchOnce(boolean journal) throws Exception {
        prepare(journal);
        try (H2MessageStore store = open(journal)) {
            store.open();
            store.write(new StoreBatch().add(new StoreOperation.CommitPrepared(XID))).join();
            assertEquals(List.of(2L), ids(store.readReferences(1, 0, 10)));
        }
        try (H2MessageStore store = open(journal)) {
            assertEquals(List.of(), store.open().preparedTransactions());
            assertEquals(List.of(2L), ids(store.readReferences(1, 0, 10)));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rollbackPreparedLeavesTheQueueAsItWas(boolean journal) throws Exception {
        prepare(journal);
        try (H2MessageStore store = open(journal)) {
            store.open();
            store.write(new StoreBatch().add(new StoreOperation.RollbackPrepared(XID))).join();
        }
        try (H2MessageStore store = open(journal)) {
            assertEquals(List.of(), store.open().preparedTransactions());
            assertEquals(List.of(1L), ids(store.readReferences(1, 0, 10)));
        }
    }

    @Test
    void replayingPrepareAndCommitAgainChangesNothing() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("petrel")
                + H2MessageStore.H2_SETTINGS, "sa", "")) {
            H2Schema.createOrVerify(connection, directory.toString());
            H2Writer writer = new H2Writer(connection);
            List<StoreOperation> operations = List.of(new StoreOperation.AddQueue(1, QueueDefinition.queue("q")),
                    new StoreOperation.AddMessage(1, new byte[]{1}), new StoreOperation.AddReference(1, 1, 4, 0),
                    branch(), new StoreOperation.CommitPrepared(XID), new StoreOperation.RemoveReference(1, 2));
            for (int pass = 0; pass < 2; pass++) {
                for (StoreOperation operation : operations) {
                    writer.apply(operation);
                }
                writer.commit(-1);
            }
            Recovery recovery = H2Schema.recover(connection);
            assertEquals(List.of(), recovery.preparedTransactions());
            assertEquals(0, recovery.queues().get(0).messageCount());
        }
    }

    @Test
    void operationCodecRoundTripsAPreparedBranch() throws Exception {
        byte[] encoded = dev.petrel.store.h2.journal.OperationCodec.encodeOperations(List.of(branch(),
                new StoreOperation.CommitPrepared(XID), new StoreOperation.RollbackPrepared(XID)));
        List<StoreOperation> decoded = dev.petrel.store.h2.journal.OperationCodec.decodeOperations(encoded);
        StoreOperation.PrepareTransaction prepared = (StoreOperation.PrepareTransaction) decoded.get(0);
        assertArrayEquals(XID, prepared.xid());
        assertEquals(branch().operations().get(1), prepared.operations().get(1));
        assertArrayEquals(XID, ((StoreOperation.CommitPrepared) decoded.get(1)).xid());
        assertArrayEquals(XID, ((StoreOperation.RollbackPrepared) decoded.get(2)).xid());
    }
}
