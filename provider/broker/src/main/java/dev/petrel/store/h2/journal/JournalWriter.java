package dev.petrel.store.h2.journal;

import dev.petrel.store.StoreBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * Appends journal records to preallocated segment files and makes each append durable with one
 * fdatasync ({@code FileChannel.force(false)}). A group of batches becomes one record, so a group is
 * atomic: a torn record is ignored as a whole by {@link JournalReader}. Segments wholly before a
 * position the database has synced are recycled (renamed) as later segments, so rolling over rarely
 * has to allocate a new file; until enough have been released, a background thread
 * ({@code petrel-journal-preallocator}) keeps one spare file preallocated, so that a roll never
 * writes a whole segment of zeros while appends wait.
 *
 * <p>Threading: {@link #append} and {@link #close} on the store writer thread only;
 * {@link #release} from the applier thread; {@link #confirmedPosition} from any thread.
 */
public final class JournalWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    private final Path directory;
    private final int segmentSize;
    private final CRC32C crc = new CRC32C();
    /** A segment before the current one and the position where it ends. */
    private record ClosedSegment(Path path, long end) {
    }

    /** Segments before the current one, oldest first; guarded by itself. */
    private final Deque<ClosedSegment> closedSegments = new ArrayDeque<>();
    /** Released segment files ready to be renamed into the next segment; guarded by closedSegments. */
    private final Deque<Path> recycled = new ArrayDeque<>();
    private final ExecutorService preallocator = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "petrel-journal-preallocator");
        t.setDaemon(true);
        return t;
    });
    /** A spare is being preallocated; guarded by closedSegments. */
    private boolean preallocating;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
    private JournalFiles.Segment current;
    private FileChannel channel;
    private long segmentOffset;
    private volatile long confirmedPosition;
    private long recycleCounter;
    /** Test hook: the 1-based operation of the next append before which the write is torn, or 0. */
    private int tearAtOperation;

    private JournalWriter(Path directory, int segmentSize) {
        this.directory = directory;
        this.segmentSize = segmentSize;
    }

    /** Starts a new journal at {@code position} in a directory holding no segments. */
    public static JournalWriter create(Path directory, long position, int segmentSize) throws IOException {
        JournalWriter writer = new JournalWriter(directory, segmentSize);
        writer.openSegment(position);
        writer.confirmedPosition = position;
        return writer;
    }

    /** The position after the last record made durable. */
    public long confirmedPosition() {
        return confirmedPosition;
    }

    /** Test hook: the next append writes only the bytes before its n-th operation, then fails. */
    public void tearAtOperation(int n) {
        tearAtOperation = n;
    }

    /** Writes the group as one record and syncs it; returns the position after it. */
    public long append(List<StoreBatch> group) throws IOException {
        int payload = OperationCodec.encodedSize(group);
        int size = JournalFiles.HEADER + payload;
        long position = current.start() + segmentOffset;
        if (segmentOffset > 0 && segmentOffset + size > segmentSize) {
            roll(position);
        }
        ByteBuffer out = buffer(size);
        out.position(JournalFiles.HEADER);
        List<Integer> operationStarts = tearAtOperation > 0 ? new ArrayList<>() : null;
        OperationCodec.encode(group, out, operationStarts);
        crc.reset();
        out.putInt(0, payload).putLong(8, position);
        crc.update(out.duplicate().position(0).limit(4));
        crc.update(out.duplicate().position(8).limit(size));
        out.putInt(4, (int) crc.getValue());
        out.flip();
        if (operationStarts != null && tearAtOperation <= operationStarts.size()) {
            int tearAt = operationStarts.get(tearAtOperation - 1);
            tearAtOperation = 0;
            out.limit(tearAt);
            writeFully(out, segmentOffset);
            channel.force(false);
            throw new IOException("injected torn write: record at position " + position + " cut after " + tearAt
                    + " of " + size + " bytes");
        }
        writeFully(out, segmentOffset);
        channel.force(false);
        segmentOffset += size;
        long end = position + size;
        confirmedPosition = end;
        return end;
    }

    private ByteBuffer buffer(int size) {
        if (buffer.capacity() < size) {
            buffer = ByteBuffer.allocateDirect(Math.max(size, buffer.capacity() * 2));
        }
        buffer.clear().order(ByteOrder.BIG_ENDIAN);
        return buffer;
    }

    private void writeFully(ByteBuffer out, long offset) throws IOException {
        long at = offset;
        while (out.hasRemaining()) {
            at += channel.write(out, at);
        }
    }

    private void roll(long nextStart) throws IOException {
        channel.close();
        synchronized (closedSegments) {
            closedSegments.addLast(new ClosedSegment(current.path(), nextStart));
        }
        openSegment(nextStart);
    }

    private void openSegment(long start) throws IOException {
        Path path = JournalFiles.segmentPath(directory, start);
        Path reuse;
        synchronized (closedSegments) {
            reuse = recycled.pollFirst();
        }
        if (reuse != null) {
            Files.move(reuse, path);
        } else {
            JournalFiles.createPreallocated(path, segmentSize);
        }
        JournalFiles.syncDirectory(directory);
        channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        current = new JournalFiles.Segment(start, path);
        segmentOffset = 0;
        prepareSpare();
    }

    /** Starts preallocating a spare segment file in the background unless one is ready or on its way. */
    private void prepareSpare() {
        Path spare;
        synchronized (closedSegments) {
            if (!recycled.isEmpty() || preallocating) {
                return;
            }
            preallocating = true;
            spare = JournalFiles.freePath(directory, recycleCounter++);
        }
        preallocator.execute(() -> {
            boolean ready = false;
            try {
                JournalFiles.createPreallocated(spare, segmentSize);
                ready = true;
            } catch (IOException e) {
                // not fatal: the next roll preallocates inline (and reports a failure there)
                LOG.warn("preallocating the spare journal segment {} failed: {}", spare, e.toString());
            }
            synchronized (closedSegments) {
                preallocating = false;
                if (ready) {
                    recycled.addLast(spare);
                }
            }
        });
    }

    /**
     * The database holds (synced) everything before {@code syncedPosition}: segments that end at or
     * before it are recycled.
     */
    public void release(long syncedPosition) throws IOException {
        synchronized (closedSegments) {
            while (!closedSegments.isEmpty() && closedSegments.peekFirst().end() <= syncedPosition) {
                ClosedSegment oldest = closedSegments.pollFirst();
                if (recycled.size() < 2) {
                    Path free = JournalFiles.freePath(directory, recycleCounter++);
                    Files.move(oldest.path(), free);
                    recycled.addLast(free);
                } else {
                    Files.delete(oldest.path());
                }
            }
        }
    }

    /** Closes the current segment; the files stay (see {@link JournalFiles#deleteAll}). */
    @Override
    public void close() throws IOException {
        preallocator.shutdown();
        try {
            if (!preallocator.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IOException("the journal preallocator in " + directory + " did not finish within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the journal preallocator in " + directory, e);
        }
        channel.close();
        synchronized (closedSegments) {
            for (Path free : recycled) {
                Files.deleteIfExists(free);
            }
            recycled.clear();
        }
    }
}
