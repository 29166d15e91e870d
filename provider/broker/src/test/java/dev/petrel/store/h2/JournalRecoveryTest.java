package dev.petrel.store.h2;

import dev.petrel.store.QueueDefinition;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoredReference;
import dev.petrel.store.h2.journal.JournalFiles;
import dev.petrel.store.h2.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.petrel.store.h2.StoreTestSupport.addQueue;
import static dev.petrel.store.h2.StoreTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Opening a store replays journal records H2 does not hold yet, and ignores a torn last record. */
class JournalRecoveryTest {
    private static final int SEGMENT = 8192;

    @TempDir
    Path directory;

    private H2MessageStore store() {
        return new H2MessageStore(H2StoreConfig.builder(directory).segmentSize(SEGMENT).maxApplyLagBytes(SEGMENT).build());
    }

    private long journalPositionInH2() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("petrel") + ";IFEXISTS=TRUE",
                "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT VAL FROM PETREL_META WHERE NAME = 'journal.position'")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Leaves journal records for messages 1..3 that H2 does not hold, as a crash would; returns record starts. */
    private long[] journalAheadOfH2() throws Exception {
        try (H2MessageStore store = store()) {
            store.open();
            store.write(addQueue(1, "q")).get(30, TimeUnit.SECONDS);
        }
        long[] starts = new long[4];
        try (JournalWriter journal = JournalWriter.create(directory, journalPositionInH2(), SEGMENT)) {
            for (int id = 1; id <= 3; id++) {
                starts[id - 1] = journal.confirmedPosition();
                journal.append(List.of(send(1, id)));
            }
            starts[3] = journal.confirmedPosition();
        }
        return starts;
    }

    private List<Long> storedIdsAfterReopen() throws Exception {
        try (H2MessageStore store = store()) {
            store.open();
            return store.readReferences(1, 0, 100).stream().map(StoredReference::messageId).toList();
        }
    }

    private void setJournalPositionInH2(long position) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("petrel") + ";IFEXISTS=TRUE",
                "sa", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE PETREL_META SET VAL = " + position + " WHERE NAME = 'journal.position'");
        }
    }

    private static List<StoreBatch> mixedBatches() {
        return List.of(addQueue(2, "other"), send(1, 1), send(1, 2), send(2, 3),
                new StoreBatch().add(new StoreOperation.RemoveReference(1, 1))
                        .add(new StoreOperation.UpdateDeliveryCount(1, 2, 5))
                        .add(new StoreOperation.DeleteQueue(2)));
    }

    @Test
    void replayingTheSameRecordsTwiceLeavesTheSameState() throws Exception {
        try (H2MessageStore store = store()) {
            store.open();
            store.write(addQueue(1, "q")).get(30, TimeUnit.SECONDS);
        }
        long start = journalPositionInH2();
        for (int replay = 1; replay <= 2; replay++) {
            setJournalPositionInH2(start);
            try (JournalWriter journal = JournalWriter.create(directory, start, SEGMENT)) {
                for (StoreBatch batch : mixedBatches()) {
                    journal.append(List.of(batch));
                }
            }
            try (H2MessageStore store = store()) {
                Recovery recovery = store.open();
                assertEquals(List.of(new Recovery.RecoveredQueue(1, QueueDefinition.queue("q"), 1)), recovery.queues(),
                        "after replay " + replay);
                List<StoredReference> refs = store.readReferences(1, 0, 10);
                assertEquals(List.of(2L), refs.stream().map(StoredReference::messageId).toList());
                assertEquals(5, refs.get(0).deliveryCount());
            }
            assertEquals(1, StoreTestSupport.rowCount(directory, "PETREL_MESSAGE"), "after replay " + replay);
        }
    }

    @Test
    void openReplaysJournalRecordsThatH2DoesNotHold() throws Exception {
        journalAheadOfH2();
        assertEquals(List.of(1L, 2L, 3L), storedIdsAfterReopen());
    }

    @Test
    void openIgnoresOnlyATornLastRecord() throws Exception {
        long[] starts = journalAheadOfH2();
        JournalFiles.Segment segment = JournalFiles.list(directory).get(0);
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(5), starts[3] - 5 - segment.start());
        }
        assertEquals(List.of(1L, 2L), storedIdsAfterReopen());
    }

    @Test
    void writesAfterATornTailContinueAndSurviveTheNextReopen() throws Exception {
        long[] starts = journalAheadOfH2();
        JournalFiles.Segment segment = JournalFiles.list(directory).get(0);
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.WRITE)) {
            channel.truncate(starts[3] - 5 - segment.start());
        }
        try (H2MessageStore store = store()) {
            store.open();
            store.write(send(1, 4)).get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of(1L, 2L, 4L), storedIdsAfterReopen());
    }
}
