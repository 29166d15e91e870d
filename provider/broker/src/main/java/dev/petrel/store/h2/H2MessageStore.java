package dev.petrel.store.h2;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.petrel.store.MessageStore;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoreStats;
import dev.petrel.store.StoredReference;
import dev.petrel.store.h2.journal.JournalWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Petrel's embedded durable store: an H2 file database ({@code petrel.mv.db}) in a locked directory,
 * written by one store writer thread with group commit. With the journal (the default), a group is
 * confirmed after one fdatasync of the journal and applied to H2 behind it; without, after the H2
 * commit and {@code CHECKPOINT SYNC}. With the journal, {@link #readReferences} first waits (up to a
 * minute) until H2 has applied every write confirmed before the call.
 *
 * <p>Failures: if a group cannot be made durable, every batch of it fails with a
 * {@link StoreException} naming the cause, and the store refuses all later writes; close and reopen
 * it (reopening replays the journal). Invalid batches (null operations or bodies, queue definitions
 * without kind or name, more than {@link #MAX_BATCH_BYTES}) are rejected alone, before they reach the
 * writer.
 *
 * <p>Threading: {@link #open} once, from one thread; {@link #write}, {@link #readReferences} and {@link #readReferencesBefore} from
 * any thread, concurrently; futures complete on {@code petrel-store-writer}; {@link #close} from any
 * thread but a completion callback.
 */
public final class H2MessageStore implements MessageStore {
    private static final Logger LOG = LoggerFactory.getLogger(H2MessageStore.class);

    private static final long READ_CATCH_UP_MILLIS = 60_000;
    /**
     * WRITE_DELAY=0: a commit reaches the OS at once. RETENTION_TIME=5000: H2 reuses file space 5 s
     * after no current state uses it (the default, 45 s, let the file grow by 45 s of writes under
     * churn); safe because H2 is synced at least every second (every group without the journal), so
     * the last synced state never needs space H2 reuses. DB_CLOSE_ON_EXIT=FALSE: the store closes H2.
     */
    static final String H2_SETTINGS = ";WRITE_DELAY=0;RETENTION_TIME=5000;DB_CLOSE_ON_EXIT=FALSE";
    /** The largest batch accepted (message bodies plus 32 bytes an operation): 512 MiB. */
    static final long MAX_BATCH_BYTES = 512L * 1024 * 1024;
    /**
     * Walks the primary key in order and stops after {@code max} rows (the plan says "index sorted");
     * the message body is a per-row lookup, because with a join H2 would scan PETREL_MESSAGE.
     */
    private static final String READ_REFERENCES = "SELECT r.MESSAGE_ID, r.PRIORITY, r.DELIVERY_COUNT,"
            + " (SELECT m.BODY FROM PETREL_MESSAGE m WHERE m.ID = r.MESSAGE_ID) FROM PETREL_REFERENCE r"
            + " WHERE r.QUEUE_ID = ? AND r.MESSAGE_ID > ? ORDER BY r.QUEUE_ID, r.MESSAGE_ID LIMIT ?";
    /** The same walk backwards: H2 scans the primary key in reverse ("index sorted"). */
    private static final String READ_REFERENCES_BEFORE = "SELECT r.MESSAGE_ID, r.PRIORITY, r.DELIVERY_COUNT,"
            + " (SELECT m.BODY FROM PETREL_MESSAGE m WHERE m.ID = r.MESSAGE_ID) FROM PETREL_REFERENCE r"
            + " WHERE r.QUEUE_ID = ? AND r.MESSAGE_ID < ? ORDER BY r.QUEUE_ID DESC, r.MESSAGE_ID DESC LIMIT ?";

    private enum State { NEW, OPEN, CLOSED }

    private final H2StoreConfig config;
    private final Path directory;
    private final AtomicLong syncs = new AtomicLong();
    private volatile State state = State.NEW;
    private DirectoryLock lock;
    private HikariDataSource dataSource;
    private H2Writer h2Writer;
    private GroupPersister persister;
    private JournalWriter journal;
    private JournalApplierThread applier;
    private StoreWriterThread writer;

    public H2MessageStore(H2StoreConfig config) {
        this.config = config;
        this.directory = config.directory().toAbsolutePath().normalize();
    }

    @Override
    public synchronized Recovery open() throws StoreException {
        if (state != State.NEW) {
            throw new StoreException("store at " + directory + " was already opened (state " + state + ")");
        }
        if (directory.toString().contains(";")) {
            throw new StoreException("store directory " + directory + " contains ';', which an H2 URL cannot hold");
        }
        lock = DirectoryLock.acquire(directory);
        Connection connection = null;
        try {
            String url = "jdbc:h2:file:" + directory.resolve("petrel") + H2_SETTINGS;
            dataSource = createDataSource(url);
            connection = DriverManager.getConnection(url, "sa", "");
            H2Schema.createOrVerify(connection, directory.toString());
            h2Writer = new H2Writer(connection);
            if (config.journal()) {
                long end = JournalRecovery.replay(directory, h2Writer);
                journal = JournalWriter.create(directory, end, config.segmentSize());
                applier = new JournalApplierThread(directory.toString(), h2Writer, journal, config.segmentSize(),
                        config.maxApplyLagBytes());
                persister = new JournaledPersister(directory, journal, applier, syncs);
            } else {
                persister = new DirectH2Persister(h2Writer, syncs);
            }
            Recovery recovery = H2Schema.recover(connection);
            writer = new StoreWriterThread(directory.toString(), persister, config.maxBatchOperations(),
                    config.queueCapacity());
            if (applier != null) {
                applier.start();
            }
            writer.start();
            state = State.OPEN;
            LOG.info("store at {} opened ({}): {} store queue(s), max message id {}", directory,
                    config.journal() ? "journal" : "direct", recovery.queues().size(), recovery.maxMessageId());
            return recovery;
        } catch (SQLException | IOException | RuntimeException e) {
            StoreException failure = new StoreException("cannot open the store at " + directory + ": "
                    + FailureText.describe(e), e);
            releaseAfterFailedOpen(connection, failure);
            throw failure;
        } catch (StoreException e) {
            releaseAfterFailedOpen(connection, e);
            throw e;
        }
    }

    private HikariDataSource createDataSource(String url) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername("sa");
        hikari.setPassword("");
        hikari.setMaximumPoolSize(config.readPoolSize());
        hikari.setMinimumIdle(1);
        hikari.setPoolName("petrel-store-" + directory.getFileName());
        return new HikariDataSource(hikari);
    }

    private void releaseAfterFailedOpen(Connection connection, Exception primary) {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                primary.addSuppressed(e);
            }
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                primary.addSuppressed(e);
            }
        }
        if (dataSource != null) {
            dataSource.close();
        }
        try {
            lock.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
        state = State.CLOSED;
    }

    @Override
    public CompletableFuture<Void> write(StoreBatch batch) {
        return write(batch, false);
    }

    @Override
    public CompletableFuture<Void> writeForWaitingCaller(StoreBatch batch) {
        return write(batch, true);
    }

    private CompletableFuture<Void> write(StoreBatch batch, boolean callerWaits) {
        String invalid = invalidity(batch);
        if (invalid != null) {
            return CompletableFuture.failedFuture(new StoreException("rejected batch for the store at " + directory
                    + ": " + invalid));
        }
        State current = state;
        if (current != State.OPEN) {
            return CompletableFuture.failedFuture(new StoreException("store at " + directory + " is not open (state "
                    + current + ")"));
        }
        long bytes = StoreWriterThread.weight(batch);
        if (bytes > MAX_BATCH_BYTES) {
            return CompletableFuture.failedFuture(new StoreException("rejected batch for the store at " + directory
                    + ": its " + bytes + " bytes exceed the limit of " + MAX_BATCH_BYTES + " bytes per batch"));
        }
        return writer.submit(batch, bytes, callerWaits);
    }

    private static String invalidity(StoreBatch batch) {
        if (batch == null) {
            return "batch is null";
        }
        int index = 0;
        for (StoreOperation operation : batch.operations()) {
            if (operation == null) {
                return "operation " + index + " is null";
            }
            if (operation instanceof StoreOperation.AddMessage m && m.encoded() == null) {
                return "operation " + index + " adds message " + m.messageId() + " with null bytes";
            }
            if (operation instanceof StoreOperation.PrepareTransaction p) {
                if (p.xid() == null || p.xid().length == 0 || p.xid().length > 1024) {
                    return "operation " + index + " prepares a transaction whose xid is missing or longer than 1024 bytes";
                }
                String inner = invalidity(new StoreBatch().addAll(p.operations()));
                if (inner != null) {
                    return "operation " + index + " prepares a transaction whose " + inner;
                }
            }
            if ((operation instanceof StoreOperation.CommitPrepared c && c.xid() == null)
                    || (operation instanceof StoreOperation.RollbackPrepared r && r.xid() == null)) {
                return "operation " + index + " completes a prepared transaction without an xid";
            }
            if (operation instanceof StoreOperation.AddQueue q && (q.definition() == null
                    || q.definition().kind() == null || q.definition().name() == null)) {
                return "operation " + index + " adds store queue " + q.storeQueueId()
                        + " without a definition, kind or name: " + q.definition();
            }
            index++;
        }
        return null;
    }

    @Override
    public List<StoredReference> readReferences(long storeQueueId, long afterMessageId, int max) throws StoreException {
        return read(true, storeQueueId, afterMessageId, max);
    }

    @Override
    public List<StoredReference> readReferencesBefore(long storeQueueId, long beforeMessageId, int max)
            throws StoreException {
        return read(false, storeQueueId, beforeMessageId, max);
    }

    private List<StoredReference> read(boolean ascending, long storeQueueId, long boundary, int max)
            throws StoreException {
        if (max <= 0) {
            throw new StoreException("max must be positive, was " + max + " (store queue " + storeQueueId + ")");
        }
        if (state != State.OPEN) {
            throw new StoreException("store at " + directory + " is not open (state " + state + ")");
        }
        if (journal == null) {
            return query(ascending, storeQueueId, boundary, max).references();
        }
        // an ascending read usually needs nothing H2 lacks (UnappliedGroups); a descending one always waits
        UnappliedGroups.ReadCheck check = ascending ? applier.readCheck(storeQueueId, boundary) : null;
        if (check != null && !check.mustWait()) {
            Rows rows = query(true, storeQueueId, boundary, max);
            if (!check.mayMiss(rows.lastId(), rows.count() == max)) {
                return rows.references();
            }
        }
        applier.awaitApplied(journal.confirmedPosition(), READ_CATCH_UP_MILLIS);
        return query(ascending, storeQueueId, boundary, max).references();
    }

    /** What a query returned: the references with a message row, and how many rows and the last id it read. */
    private record Rows(List<StoredReference> references, int count, long lastId) {
    }

    private Rows query(boolean ascending, long storeQueueId, long boundary, int max) throws StoreException {
        List<StoredReference> references = new ArrayList<>(Math.min(max, 1024));
        int count = 0;
        long lastId = boundary;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement p = connection.prepareStatement(ascending ? READ_REFERENCES : READ_REFERENCES_BEFORE)) {
            p.setLong(1, storeQueueId);
            p.setLong(2, boundary);
            p.setInt(3, max);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    count++;
                    lastId = r.getLong(1);
                    byte[] encoded = r.getBytes(4);
                    if (encoded == null) {
                        LOG.warn("store at {}: store queue {} references message {}, which has no row in"
                                + " PETREL_MESSAGE; the reference is skipped", directory, storeQueueId, lastId);
                        continue;
                    }
                    references.add(new StoredReference(lastId, r.getInt(2), r.getInt(3), encoded));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading references of store queue " + storeQueueId
                    + (ascending ? " after" : " before") + " message " + boundary + " from PETREL_REFERENCE at "
                    + directory + " failed: " + e, e);
        }
        return new Rows(references, count, lastId);
    }

    @Override
    public StoreStats stats() {
        long bytes = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    bytes += Files.size(file);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot size the store directory {}", directory, e);
        }
        return new StoreStats(directory.toString(), bytes);
    }

    /** How many groups the store synced to disk (an fdatasync of the journal, or {@code CHECKPOINT SYNC}). */
    long syncCount() {
        return syncs.get();
    }

    /** How many groups the store writer made durable. */
    long groupCount() {
        return writer == null ? 0 : writer.groupCount();
    }

    /** How many times the store writer thread waited for the followers of a completed group. */
    long followerWaitCount() {
        return writer == null ? 0 : writer.followerWaitCount();
    }

    /** How many times the journal applier synced H2 ({@code CHECKPOINT SYNC}); 0 without the journal. */
    long h2SyncCount() {
        return applier == null ? 0 : applier.h2SyncCount();
    }

    /** How many operations the journal applier wrote to H2 (what netting kept); 0 without the journal. */
    long h2OperationCount() {
        return applier == null ? 0 : applier.h2OperationCount();
    }

    /**
     * Test hook: the n-th operation (1-based) of the next write fails: in H2 without the journal, as a
     * torn journal record (written up to that operation, synced) with it.
     */
    void failAtOperation(int n) {
        if (journal != null) {
            journal.tearAtOperation(n);
        } else {
            h2Writer.failAtOperation(n);
        }
    }

    /** Test hook (journal only): the applier applies nothing more to H2 until {@code release} opens. */
    void holdApplyingUntil(CountDownLatch release) {
        applier.holdApplyingUntil(release);
    }

    /**
     * Finishes pending writes, syncs, shuts H2 down and releases the directory. Idempotent.
     *
     * @throws IllegalStateException when called in a write's completion callback (on the thread
     *                               persisting), which would wait for itself
     */
    @Override
    public synchronized void close() {
        if (writer != null && writer.isPersistingThread()) {
            throw new IllegalStateException("the store at " + directory + " cannot be closed from a write"
                    + " completion callback (the thread persisting); close it from another thread");
        }
        if (state != State.OPEN) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        writer.close();
        dataSource.close();
        try {
            h2Writer.shutdown();
        } catch (SQLException e) {
            LOG.error("shutting down the database of the store at {} failed", directory, e);
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.error("releasing the lock of the store directory {} failed", directory, e);
        }
        LOG.info("store at {} closed", directory);
    }
}
