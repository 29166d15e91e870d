package dev.petrel.store.h2;

import dev.petrel.store.StoreException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive hold on a store directory: {@code petrel.lock} locked with {@link FileChannel#tryLock}
 * and holding the owner's pid. Thread-safe.
 *
 * <p>Documented static state: {@link #HELD} lists the directories this JVM holds. It is needed because
 * the OS lock is a POSIX record lock owned by the process: within one JVM, merely opening and closing
 * the lock file a second time (to try it, or to read the pid) would silently release the first
 * holder's lock. So a second open in the same JVM is refused from this set without touching the file.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "petrel.lock";
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path directory) throws StoreException {
        Path key;
        try {
            Files.createDirectories(directory);
            key = directory.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot create store directory " + directory + ": " + e, e);
        }
        if (!HELD.add(key)) {
            throw new StoreException("store directory " + key + " is held by another store in this JVM (pid "
                    + ProcessHandle.current().pid() + ")");
        }
        Path file = key.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String owner = readOwner(channel);
                throw new StoreException("store directory " + key + " is held by another process (pid "
                        + owner + ", lock file " + file + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DirectoryLock(key, channel, lock);
        } catch (IOException | RuntimeException | StoreException e) {
            HELD.remove(key);
            closeQuietlyAfter(channel, e);
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot lock store directory " + key + " (" + file + "): " + e, e);
        }
    }

    private static String readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        int n = channel.read(buffer, 0);
        String text = n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.US_ASCII).trim();
        return text.isEmpty() ? "unknown" : text;
    }

    private static void closeQuietlyAfter(FileChannel channel, Exception primary) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() throws IOException {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(directory);
        }
    }
}
