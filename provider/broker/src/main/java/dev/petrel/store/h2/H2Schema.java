package dev.petrel.store.h2;

import dev.petrel.store.QueueDefinition;
import dev.petrel.store.Recovery;
import dev.petrel.store.StoreException;
import dev.petrel.store.h2.journal.JournalCorruptException;
import dev.petrel.store.h2.journal.OperationCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's tables, their version, and the queries {@link H2MessageStore#open} runs. Stateless;
 * each method uses the connection it is given on the calling thread.
 *
 * <pre>
 * PETREL_META(NAME, VAL)   schema.version, max.message.id, max.queue.id, journal.position
 * PETREL_QUEUE(ID, ...)    one row per store queue
 * PETREL_MESSAGE(ID, BODY) the encoded message; deleted with its last reference
 * PETREL_REFERENCE(QUEUE_ID, MESSAGE_ID, PRIORITY, DELIVERY_COUNT), PK (QUEUE_ID, MESSAGE_ID)
 * PETREL_PREPARED(XID, OPERATIONS) a prepared XA branch: its operations (OperationCodec form), applied at commit
 * </pre>
 * PETREL_PREPARED came after version 1 without changing it: opening a version 1 store creates it
 * when missing.
 */
final class H2Schema {
    static final long VERSION = 1;
    static final String SCHEMA_VERSION = "schema.version";
    static final String MAX_MESSAGE_ID = "max.message.id";
    static final String MAX_QUEUE_ID = "max.queue.id";
    static final String JOURNAL_POSITION = "journal.position";

    private H2Schema() {
    }

    /** Creates the tables in an empty database, or checks the version of an existing one. Commits. */
    static void createOrVerify(Connection connection, String location) throws SQLException, StoreException {
        connection.setAutoCommit(false);
        if (tableExists(connection, "PETREL_META")) {
            long version = readMeta(connection, SCHEMA_VERSION);
            if (version != VERSION) {
                throw new StoreException("store at " + location + " has schema version " + version
                        + "; this engine reads version " + VERSION + " only");
            }
            createPreparedTable(connection);
            connection.commit();
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE PETREL_META (NAME VARCHAR(64) PRIMARY KEY, VAL BIGINT NOT NULL)");
            s.execute("CREATE TABLE PETREL_QUEUE (ID BIGINT PRIMARY KEY, KIND VARCHAR(32) NOT NULL,"
                    + " NAME VARCHAR NOT NULL, CLIENT_ID VARCHAR, SUBSCRIPTION_NAME VARCHAR, SELECTOR VARCHAR,"
                    + " NO_LOCAL BOOLEAN NOT NULL, SHARED BOOLEAN NOT NULL)");
            s.execute("CREATE TABLE PETREL_MESSAGE (ID BIGINT PRIMARY KEY, BODY VARBINARY NOT NULL)");
            s.execute("CREATE TABLE PETREL_REFERENCE (QUEUE_ID BIGINT NOT NULL, MESSAGE_ID BIGINT NOT NULL,"
                    + " PRIORITY INT NOT NULL, DELIVERY_COUNT INT NOT NULL, PRIMARY KEY (QUEUE_ID, MESSAGE_ID))");
            s.execute("CREATE INDEX PETREL_REFERENCE_MESSAGE ON PETREL_REFERENCE (MESSAGE_ID)");
            s.execute("INSERT INTO PETREL_META VALUES ('" + SCHEMA_VERSION + "', " + VERSION + "), ('"
                    + MAX_MESSAGE_ID + "', 0), ('" + MAX_QUEUE_ID + "', 0), ('" + JOURNAL_POSITION + "', 0)");
        }
        createPreparedTable(connection);
        connection.commit();
    }

    private static void createPreparedTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS PETREL_PREPARED (XID VARBINARY(1024) PRIMARY KEY,"
                    + " OPERATIONS VARBINARY NOT NULL)");
        }
    }

    /** Every prepared XA branch, in xid order. */
    static List<Recovery.PreparedTransaction> preparedTransactions(Connection connection) throws SQLException {
        List<Recovery.PreparedTransaction> prepared = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT XID, OPERATIONS FROM PETREL_PREPARED ORDER BY XID")) {
            while (r.next()) {
                try {
                    prepared.add(new Recovery.PreparedTransaction(r.getBytes(1),
                            OperationCodec.decodeOperations(r.getBytes(2))));
                } catch (JournalCorruptException e) {
                    throw new SQLException("PETREL_PREPARED holds a malformed branch: " + e.getMessage(), e);
                }
            }
        }
        return prepared;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    static long readMeta(Connection connection, String name) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement("SELECT VAL FROM PETREL_META WHERE NAME = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new SQLException("PETREL_META has no row " + name);
                }
                return r.getLong(1);
            }
        }
    }

    /** Reads every store queue with its reference count, and the highest ids ever used. */
    static Recovery recover(Connection connection) throws SQLException {
        List<Recovery.RecoveredQueue> queues = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT q.ID, q.KIND, q.NAME, q.CLIENT_ID, q.SUBSCRIPTION_NAME, q.SELECTOR,"
                     + " q.NO_LOCAL, q.SHARED, (SELECT COUNT(*) FROM PETREL_REFERENCE r WHERE r.QUEUE_ID = q.ID)"
                     + " FROM PETREL_QUEUE q ORDER BY q.ID")) {
            while (r.next()) {
                QueueDefinition definition = new QueueDefinition(QueueDefinition.Kind.valueOf(r.getString(2)),
                        r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getBoolean(7),
                        r.getBoolean(8));
                queues.add(new Recovery.RecoveredQueue(r.getLong(1), definition, r.getLong(9)));
            }
        }
        long maxMessageId = Math.max(readMeta(connection, MAX_MESSAGE_ID),
                scalar(connection, "SELECT COALESCE(MAX(ID), 0) FROM PETREL_MESSAGE"));
        long maxQueueId = Math.max(readMeta(connection, MAX_QUEUE_ID),
                scalar(connection, "SELECT COALESCE(MAX(ID), 0) FROM PETREL_QUEUE"));
        List<Recovery.PreparedTransaction> prepared = preparedTransactions(connection);
        for (Recovery.PreparedTransaction p : prepared) {
            for (dev.petrel.store.StoreOperation operation : p.operations()) {
                if (operation instanceof dev.petrel.store.StoreOperation.AddMessage m) {
                    maxMessageId = Math.max(maxMessageId, m.messageId());
                }
            }
        }
        connection.commit();
        return new Recovery(List.copyOf(queues), maxMessageId, maxQueueId, List.copyOf(prepared));
    }

    private static long scalar(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
