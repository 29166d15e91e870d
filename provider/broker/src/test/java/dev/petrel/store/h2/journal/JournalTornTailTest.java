package dev.petrel.store.h2.journal;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Records written by {@link JournalWriter} come back from {@link JournalReader}, except a damaged last one. */
class JournalTornTailTest {
    private static final int SEGMENT = 4096;

    @TempDir
    Path directory;

    private static List<StoreBatch> group(long messageId) {
        return List.of(new StoreBatch()
                .add(new StoreOperation.AddMessage(messageId, new byte[100]))
                .add(new StoreOperation.AddReference(1, messageId, 4, 0)));
    }

    /** Appends groups for messages 1..count; returns the start position of each record and the end. */
    private long[] appendGroups(int count) throws Exception {
        long[] starts = new long[count + 1];
        try (JournalWriter writer = JournalWriter.create(directory, 0, SEGMENT)) {
            for (int i = 1; i <= count; i++) {
                starts[i - 1] = writer.confirmedPosition();
                writer.append(group(i));
            }
            starts[count] = writer.confirmedPosition();
        }
        return starts;
    }

    private List<Long> replayedMessageIds(long from) throws Exception {
        List<Long> ids = new ArrayList<>();
        JournalReader.replay(directory, from, (operations, end) -> {
            for (StoreOperation operation : operations) {
                if (operation instanceof StoreOperation.AddMessage m) {
                    ids.add(m.messageId());
                }
            }
        });
        return ids;
    }

    /** Overwrites bytes [from, to) of the journal (positions) with the given value. */
    private void overwrite(long from, long to, byte value) throws Exception {
        JournalFiles.Segment segment = null;
        for (JournalFiles.Segment s : JournalFiles.list(directory)) {
            if (s.start() <= from) {
                segment = s;
            }
        }
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.allocate((int) (to - from));
            while (bytes.hasRemaining()) {
                bytes.put(value);
            }
            bytes.flip();
            channel.write(bytes, from - segment.start());
        }
    }

    @Test
    void everyRecordComesBackInOrderAcrossSegments() throws Exception {
        appendGroups(100);
        assertEquals(100, replayedMessageIds(0).size());
        assertEquals(1L, replayedMessageIds(0).get(0));
        assertEquals(100L, replayedMessageIds(0).get(99));
    }

    @Test
    void replayStartsAtTheGivenRecordBoundary() throws Exception {
        long[] starts = appendGroups(10);
        assertEquals(List.of(8L, 9L, 10L), replayedMessageIds(starts[7]));
    }

    @Test
    void aLastRecordWithItsFinalBytesLostIsIgnoredAlone() throws Exception {
        long[] starts = appendGroups(5);
        overwrite(starts[5] - 7, starts[5], (byte) 0);
        assertEquals(List.of(1L, 2L, 3L, 4L), replayedMessageIds(0));
    }

    @Test
    void aLastRecordWithACorruptedPayloadIsIgnoredAlone() throws Exception {
        long[] starts = appendGroups(5);
        overwrite(starts[4] + JournalFiles.HEADER + 10, starts[4] + JournalFiles.HEADER + 11, (byte) 0x5A);
        assertEquals(List.of(1L, 2L, 3L, 4L), replayedMessageIds(0));
    }

    @Test
    void aLastRecordCutShortByTheEndOfTheFileIsIgnoredAlone() throws Exception {
        long[] starts = appendGroups(5);
        List<JournalFiles.Segment> segments = JournalFiles.list(directory);
        JournalFiles.Segment last = segments.get(segments.size() - 1);
        try (FileChannel channel = FileChannel.open(last.path(), StandardOpenOption.WRITE)) {
            channel.truncate(starts[5] - last.start() - 3);
        }
        assertEquals(List.of(1L, 2L, 3L, 4L), replayedMessageIds(0));
    }

    @Test
    void replayReturnsThePositionAfterTheLastValidRecord() throws Exception {
        long[] starts = appendGroups(5);
        overwrite(starts[4], starts[4] + 4, (byte) 0x7F);
        assertEquals(starts[4], JournalReader.replay(directory, 0, (operations, end) -> { }));
    }

    @Test
    void recycledSegmentsNeverReplayTheirStaleRecords() throws Exception {
        List<Long> expected = new ArrayList<>();
        long releasedUpTo;
        try (JournalWriter writer = JournalWriter.create(directory, 0, SEGMENT)) {
            for (int i = 1; i <= 60; i++) {
                writer.append(group(i));
            }
            releasedUpTo = writer.confirmedPosition();
            writer.release(releasedUpTo);
            for (int i = 61; i <= 120; i++) {
                writer.append(group(i));
                expected.add((long) i);
            }
        }
        assertEquals(expected, replayedMessageIds(releasedUpTo));
    }

    @Test
    void aTornWriteFromTheTestHookLeavesARecordTheReaderIgnores() throws Exception {
        long end;
        try (JournalWriter writer = JournalWriter.create(directory, 0, SEGMENT)) {
            writer.append(group(1));
            end = writer.confirmedPosition();
            writer.tearAtOperation(2);
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> writer.append(group(2)));
        }
        assertEquals(List.of(1L), replayedMessageIds(0));
        assertEquals(end, JournalReader.replay(directory, 0, (operations, e) -> { }));
    }
}
