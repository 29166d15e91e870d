package dev.petrel.store.h2;

import dev.petrel.store.QueueDefinition;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.h2.journal.JournalCorruptException;
import dev.petrel.store.h2.journal.OperationCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

/**
 * Applies store operations to H2 on one connection, inside one open transaction until
 * {@link #commit}. Every operation is idempotent (MERGE, delete-if-exists), so replaying a journal
 * over rows that already hold it is harmless. A message row is deleted in the same statement
 * sequence that removes its last reference.
 *
 * <p>Threading: confined to one thread at a time (the store writer, or the journal applier); the
 * owner hands it over only with a happens-before edge (thread start/join).
 */
final class H2Writer implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement mergeQueue;
    private final PreparedStatement deleteQueueMessages;
    private final PreparedStatement deleteQueueReferences;
    private final PreparedStatement deleteQueue;
    private final PreparedStatement mergeMessage;
    private final PreparedStatement mergeReference;
    private final PreparedStatement deleteReference;
    private final PreparedStatement deleteOrphanMessage;
    private final PreparedStatement updateDeliveryCount;
    private final PreparedStatement updateMeta;
    private final PreparedStatement mergePrepared;
    private final PreparedStatement selectPrepared;
    private final PreparedStatement deletePrepared;

    private long maxMessageId;
    private long maxQueueId;
    private long committedMaxMessageId;
    private long committedMaxQueueId;
    /** Test hook: the 1-based index (counted since it was set) of the operation that fails, or 0. */
    private int failAtOperation;
    private int operationsSinceHook;

    H2Writer(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        mergeQueue = connection.prepareStatement("MERGE INTO PETREL_QUEUE (ID, KIND, NAME, CLIENT_ID,"
                + " SUBSCRIPTION_NAME, SELECTOR, NO_LOCAL, SHARED) KEY (ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        deleteQueueMessages = connection.prepareStatement("DELETE FROM PETREL_MESSAGE m WHERE m.ID IN"
                + " (SELECT r.MESSAGE_ID FROM PETREL_REFERENCE r WHERE r.QUEUE_ID = ?) AND NOT EXISTS"
                + " (SELECT 1 FROM PETREL_REFERENCE o WHERE o.MESSAGE_ID = m.ID AND o.QUEUE_ID <> ?)");
        deleteQueueReferences = connection.prepareStatement("DELETE FROM PETREL_REFERENCE WHERE QUEUE_ID = ?");
        deleteQueue = connection.prepareStatement("DELETE FROM PETREL_QUEUE WHERE ID = ?");
        mergeMessage = connection.prepareStatement("MERGE INTO PETREL_MESSAGE (ID, BODY) KEY (ID) VALUES (?, ?)");
        mergeReference = connection.prepareStatement("MERGE INTO PETREL_REFERENCE (QUEUE_ID, MESSAGE_ID, PRIORITY,"
                + " DELIVERY_COUNT) KEY (QUEUE_ID, MESSAGE_ID) VALUES (?, ?, ?, ?)");
        deleteReference = connection.prepareStatement(
                "DELETE FROM PETREL_REFERENCE WHERE QUEUE_ID = ? AND MESSAGE_ID = ?");
        deleteOrphanMessage = connection.prepareStatement("DELETE FROM PETREL_MESSAGE WHERE ID = ? AND NOT EXISTS"
                + " (SELECT 1 FROM PETREL_REFERENCE WHERE MESSAGE_ID = ?)");
        updateDeliveryCount = connection.prepareStatement(
                "UPDATE PETREL_REFERENCE SET DELIVERY_COUNT = ? WHERE QUEUE_ID = ? AND MESSAGE_ID = ?");
        updateMeta = connection.prepareStatement("UPDATE PETREL_META SET VAL = ? WHERE NAME = ?");
        mergePrepared = connection.prepareStatement("MERGE INTO PETREL_PREPARED (XID, OPERATIONS) KEY (XID) VALUES (?, ?)");
        selectPrepared = connection.prepareStatement("SELECT OPERATIONS FROM PETREL_PREPARED WHERE XID = ?");
        deletePrepared = connection.prepareStatement("DELETE FROM PETREL_PREPARED WHERE XID = ?");
        maxMessageId = H2Schema.readMeta(connection, H2Schema.MAX_MESSAGE_ID);
        maxQueueId = H2Schema.readMeta(connection, H2Schema.MAX_QUEUE_ID);
        committedMaxMessageId = maxMessageId;
        committedMaxQueueId = maxQueueId;
        connection.commit();
    }

    void failAtOperation(int n) {
        failAtOperation = n;
        operationsSinceHook = 0;
    }

    long journalPosition() throws SQLException {
        return H2Schema.readMeta(connection, H2Schema.JOURNAL_POSITION);
    }

    void applyAll(List<StoreBatch> batches) throws SQLException {
        for (StoreBatch batch : batches) {
            for (StoreOperation operation : batch.operations()) {
                apply(operation);
            }
        }
    }

    /**
     * Applies operations already netted by {@link OperationNetting}; {@code maxMessageId} is the highest
     * message id of the operations before netting, so ids stay unique across restarts.
     */
    void applyOperations(List<StoreOperation> operations, long maxMessageId) throws SQLException {
        for (StoreOperation operation : operations) {
            apply(operation);
        }
        this.maxMessageId = Math.max(this.maxMessageId, maxMessageId);
    }

    void apply(StoreOperation operation) throws SQLException {
        if (failAtOperation > 0 && ++operationsSinceHook == failAtOperation) {
            failAtOperation = 0;
            throw new SQLException("injected failure at operation " + operationsSinceHook + ": " + operation);
        }
        if (operation instanceof StoreOperation.AddMessage m) {
            mergeMessage.setLong(1, m.messageId());
            mergeMessage.setBytes(2, m.encoded());
            mergeMessage.executeUpdate();
            maxMessageId = Math.max(maxMessageId, m.messageId());
        } else if (operation instanceof StoreOperation.AddReference r) {
            mergeReference.setLong(1, r.storeQueueId());
            mergeReference.setLong(2, r.messageId());
            mergeReference.setInt(3, r.priority());
            mergeReference.setInt(4, r.deliveryCount());
            mergeReference.executeUpdate();
        } else if (operation instanceof StoreOperation.RemoveReference r) {
            deleteReference.setLong(1, r.storeQueueId());
            deleteReference.setLong(2, r.messageId());
            if (deleteReference.executeUpdate() > 0) {
                deleteOrphanMessage.setLong(1, r.messageId());
                deleteOrphanMessage.setLong(2, r.messageId());
                deleteOrphanMessage.executeUpdate();
            }
        } else if (operation instanceof StoreOperation.UpdateDeliveryCount u) {
            updateDeliveryCount.setInt(1, u.deliveryCount());
            updateDeliveryCount.setLong(2, u.storeQueueId());
            updateDeliveryCount.setLong(3, u.messageId());
            updateDeliveryCount.executeUpdate();
        } else if (operation instanceof StoreOperation.PrepareTransaction p) {
            mergePrepared.setBytes(1, p.xid());
            mergePrepared.setBytes(2, OperationCodec.encodeOperations(p.operations()));
            mergePrepared.executeUpdate();
            for (StoreOperation inner : p.operations()) {
                if (inner instanceof StoreOperation.AddMessage m) {
                    maxMessageId = Math.max(maxMessageId, m.messageId());
                }
            }
        } else if (operation instanceof StoreOperation.CommitPrepared c) {
            List<StoreOperation> prepared = prepared(c.xid());
            if (prepared != null) {
                for (StoreOperation inner : prepared) {
                    apply(inner);
                }
                deletePrepared.setBytes(1, c.xid());
                deletePrepared.executeUpdate();
            }
        } else if (operation instanceof StoreOperation.RollbackPrepared r) {
            deletePrepared.setBytes(1, r.xid());
            deletePrepared.executeUpdate();
        } else if (operation instanceof StoreOperation.AddQueue q) {
            mergeQueue(q.storeQueueId(), q.definition());
            maxQueueId = Math.max(maxQueueId, q.storeQueueId());
        } else if (operation instanceof StoreOperation.DeleteQueue d) {
            deleteQueueMessages.setLong(1, d.storeQueueId());
            deleteQueueMessages.setLong(2, d.storeQueueId());
            deleteQueueMessages.executeUpdate();
            deleteQueueReferences.setLong(1, d.storeQueueId());
            deleteQueueReferences.executeUpdate();
            deleteQueue.setLong(1, d.storeQueueId());
            deleteQueue.executeUpdate();
        } else {
            throw new SQLException("unknown store operation " + operation);
        }
    }

    /** The operations of a prepared branch, or null when there is none with this xid. */
    private List<StoreOperation> prepared(byte[] xid) throws SQLException {
        selectPrepared.setBytes(1, xid);
        try (ResultSet r = selectPrepared.executeQuery()) {
            if (!r.next()) {
                return null;
            }
            return OperationCodec.decodeOperations(r.getBytes(1));
        } catch (JournalCorruptException e) {
            throw new SQLException("prepared branch in PETREL_PREPARED is malformed: " + e.getMessage(), e);
        }
    }

    private void mergeQueue(long id, QueueDefinition d) throws SQLException {
        mergeQueue.setLong(1, id);
        mergeQueue.setString(2, d.kind().name());
        mergeQueue.setString(3, d.name());
        setNullable(4, d.clientId());
        setNullable(5, d.subscriptionName());
        setNullable(6, d.selector());
        mergeQueue.setBoolean(7, d.noLocal());
        mergeQueue.setBoolean(8, d.shared());
        mergeQueue.executeUpdate();
    }

    private void setNullable(int index, String value) throws SQLException {
        if (value == null) {
            mergeQueue.setNull(index, Types.VARCHAR);
        } else {
            mergeQueue.setString(index, value);
        }
    }

    /** Records the highest ids (and the journal position, if not negative) and commits. */
    void commit(long journalPosition) throws SQLException {
        if (maxMessageId != committedMaxMessageId) {
            setMeta(H2Schema.MAX_MESSAGE_ID, maxMessageId);
        }
        if (maxQueueId != committedMaxQueueId) {
            setMeta(H2Schema.MAX_QUEUE_ID, maxQueueId);
        }
        if (journalPosition >= 0) {
            setMeta(H2Schema.JOURNAL_POSITION, journalPosition);
        }
        connection.commit();
        committedMaxMessageId = maxMessageId;
        committedMaxQueueId = maxQueueId;
    }

    private void setMeta(String name, long value) throws SQLException {
        updateMeta.setLong(1, value);
        updateMeta.setString(2, name);
        updateMeta.executeUpdate();
    }

    /** Undoes the open transaction; the primary failure gets this one's failure attached. */
    void rollbackAfter(Exception primary) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            primary.addSuppressed(e);
        }
        maxMessageId = committedMaxMessageId;
        maxQueueId = committedMaxQueueId;
    }

    /** Forces everything committed to disk. */
    void sync() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        }
    }

    /** Syncs and closes the database (every connection to it), then this connection. */
    void shutdown() throws SQLException {
        try (connection; Statement s = connection.createStatement()) {
            connection.commit();
            s.execute("CHECKPOINT SYNC");
            s.execute("SHUTDOWN");
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
