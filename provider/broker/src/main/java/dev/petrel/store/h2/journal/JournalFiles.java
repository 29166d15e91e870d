package dev.petrel.store.h2.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Naming, listing and preparing journal segment files. A segment is named after the journal position
 * of its first byte: {@code journal-<position, 19 digits>.seg}; positions run on across segments
 * without gaps. Stateless.
 *
 * <p>Record layout, repeated from offset 0 of a segment: {@code int payloadLength, int crc32c,
 * long position, payload}; the CRC32C covers length, position and payload. A record is valid only if
 * it fits, its CRC matches and its position is the expected one, so the zeros of a preallocated file,
 * a torn tail and stale records of a recycled file all end the journal.
 */
public final class JournalFiles {
    static final int HEADER = 16;
    private static final String PREFIX = "journal-";
    private static final String SUFFIX = ".seg";
    private static final String FREE_PREFIX = "journal-free-";
    private static final int ZERO_CHUNK = 1024 * 1024;

    private JournalFiles() {
    }

    /** A segment file and the position of its first byte. */
    public record Segment(long start, Path path) {
    }

    /** A released segment waiting to be reused; it holds nothing that is needed. */
    static Path freePath(Path directory, long number) {
        return directory.resolve(FREE_PREFIX + number + ".tmp");
    }

    static Path segmentPath(Path directory, long start) {
        return directory.resolve(String.format("%s%019d%s", PREFIX, start, SUFFIX));
    }

    /** The directory's segments, by start position. */
    public static List<Segment> list(Path directory) throws IOException {
        List<Segment> segments = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    String digits = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
                    if (digits.length() == 19 && digits.chars().allMatch(Character::isDigit)) {
                        segments.add(new Segment(Long.parseLong(digits), file));
                    }
                }
            }
        }
        segments.sort(Comparator.comparingLong(Segment::start));
        return segments;
    }

    /** Makes the directory's entries (created, renamed, deleted files) durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates a segment of {@code size} zero bytes, written out and synced (its blocks allocated). */
    static void createPreallocated(Path file, int size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(Math.min(ZERO_CHUNK, size));
            long written = 0;
            while (written < size) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                written += channel.write(zeros, written);
            }
            channel.force(true);
        }
    }

    /** Deletes every segment (and released segment) of the directory and syncs the directory. */
    public static void deleteAll(Path directory) throws IOException {
        for (Segment segment : list(directory)) {
            Files.deleteIfExists(segment.path());
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith(FREE_PREFIX)) {
                    Files.deleteIfExists(file);
                }
            }
        }
        syncDirectory(directory);
    }
}
