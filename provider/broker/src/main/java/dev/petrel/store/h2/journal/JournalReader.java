package dev.petrel.store.h2.journal;

import dev.petrel.store.StoreOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads the journal back after a crash: every valid record from a given position on, in order,
 * crossing into the next segment only where the previous one's records end exactly at its start.
 * The first invalid record (torn, zeros, stale) ends the journal. Used by one thread.
 */
public final class JournalReader {
    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    /** Receives each record's operations and the position just after it. */
    @FunctionalInterface
    public interface RecordHandler {
        void record(List<StoreOperation> operations, long endPosition) throws Exception;
    }

    private JournalReader() {
    }

    /**
     * Reads the records at and after {@code from} (a record boundary: the end of the last record
     * already applied) and returns the position after the last valid one.
     *
     * @throws JournalCorruptException if the journal starts after {@code from} (records are missing)
     *                                 or a record with a valid CRC cannot be decoded
     */
    public static long replay(Path directory, long from, RecordHandler handler) throws Exception {
        List<JournalFiles.Segment> segments = JournalFiles.list(directory);
        int index = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).start() <= from) {
                index = i;
            }
        }
        if (index < 0) {
            if (!segments.isEmpty()) {
                throw new JournalCorruptException("the journal in " + directory + " starts at position "
                        + segments.get(0).start() + " but the database has applied it only up to " + from);
            }
            return from;
        }
        long expected = from;
        for (int i = index; i < segments.size(); i++) {
            JournalFiles.Segment segment = segments.get(i);
            if (segment.start() != expected && i != index) {
                break;
            }
            expected = replaySegment(segment, expected, handler);
            if (i + 1 < segments.size() && segments.get(i + 1).start() != expected) {
                LOG.warn("journal segment {} ends at position {}; later segment(s) from {} are ignored",
                        segment.path(), expected, segments.get(i + 1).start());
                break;
            }
        }
        return expected;
    }

    private static long replaySegment(JournalFiles.Segment segment, long expected, RecordHandler handler)
            throws Exception {
        try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = ByteBuffer.allocate(JournalFiles.HEADER).order(ByteOrder.BIG_ENDIAN);
            CRC32C crc = new CRC32C();
            while (true) {
                long offset = expected - segment.start();
                if (offset + JournalFiles.HEADER > size) {
                    return expected;
                }
                header.clear();
                readFully(channel, header, offset);
                header.flip();
                int length = header.getInt();
                int storedCrc = header.getInt();
                long position = header.getLong();
                if (length <= 0 || position != expected || offset + JournalFiles.HEADER + length > size) {
                    return expected;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, offset + JournalFiles.HEADER);
                payload.flip();
                crc.reset();
                crc.update(header.array(), 0, 4);
                crc.update(header.array(), 8, 8);
                crc.update(payload.array(), 0, length);
                if ((int) crc.getValue() != storedCrc) {
                    LOG.info("journal record at position {} in {} fails its CRC: the torn tail of the journal",
                            expected, segment.path());
                    return expected;
                }
                long end = expected + JournalFiles.HEADER + length;
                handler.record(OperationCodec.decode(payload), end);
                expected = end;
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("unexpected end of " + channel + " at " + at);
            }
            at += n;
        }
    }
}
