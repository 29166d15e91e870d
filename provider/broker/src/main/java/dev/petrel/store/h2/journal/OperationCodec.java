package dev.petrel.store.h2.journal;

import dev.petrel.store.QueueDefinition;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of store operations in a journal record: an operation count, then per operation a
 * type byte and its fields (big-endian; strings as length + UTF-8, length -1 for null). A prepared
 * transaction is its xid (length + bytes) followed by its own operation count and operations. The
 * same form stores a prepared transaction's operations in H2 ({@link #encodeOperations}). Stateless.
 */
public final class OperationCodec {
    private static final byte ADD_QUEUE = 1;
    private static final byte DELETE_QUEUE = 2;
    private static final byte ADD_MESSAGE = 3;
    private static final byte ADD_REFERENCE = 4;
    private static final byte REMOVE_REFERENCE = 5;
    private static final byte UPDATE_DELIVERY_COUNT = 6;
    private static final byte PREPARE_TRANSACTION = 7;
    private static final byte COMMIT_PREPARED = 8;
    private static final byte ROLLBACK_PREPARED = 9;

    private OperationCodec() {
    }

    /** Bytes {@link #encode} writes for the group. */
    static int encodedSize(List<StoreBatch> group) {
        long size = 4;
        for (StoreBatch batch : group) {
            for (StoreOperation operation : batch.operations()) {
                size += size(operation);
            }
        }
        if (size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("a journal record of " + size + " bytes exceeds the limit of "
                    + (Integer.MAX_VALUE - 64) + " bytes; write smaller batches");
        }
        return (int) size;
    }

    private static long size(StoreOperation operation) {
        if (operation instanceof StoreOperation.AddMessage m) {
            return 1 + 8 + 4 + m.encoded().length;
        } else if (operation instanceof StoreOperation.AddReference) {
            return 1 + 8 + 8 + 4 + 4;
        } else if (operation instanceof StoreOperation.RemoveReference) {
            return 1 + 8 + 8;
        } else if (operation instanceof StoreOperation.UpdateDeliveryCount) {
            return 1 + 8 + 8 + 4;
        } else if (operation instanceof StoreOperation.DeleteQueue) {
            return 1 + 8;
        } else if (operation instanceof StoreOperation.PrepareTransaction p) {
            long size = 1 + 4 + p.xid().length + 4;
            for (StoreOperation inner : p.operations()) {
                size += size(inner);
            }
            return size;
        } else if (operation instanceof StoreOperation.CommitPrepared c) {
            return 1 + 4 + c.xid().length;
        } else if (operation instanceof StoreOperation.RollbackPrepared r) {
            return 1 + 4 + r.xid().length;
        } else if (operation instanceof StoreOperation.AddQueue q) {
            QueueDefinition d = q.definition();
            return 1 + 8 + 1 + stringSize(d.name()) + stringSize(d.clientId()) + stringSize(d.subscriptionName())
                    + stringSize(d.selector()) + 1 + 1;
        }
        throw new IllegalArgumentException("unknown store operation " + operation);
    }

    private static int stringSize(String value) {
        return 4 + (value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length);
    }

    /**
     * Writes the group's operations; {@code operationStarts}, if not null, receives the buffer
     * position at which each operation starts (for the torn-write test hook).
     */
    static void encode(List<StoreBatch> group, ByteBuffer out, List<Integer> operationStarts) {
        int count = 0;
        for (StoreBatch batch : group) {
            count += batch.size();
        }
        out.putInt(count);
        for (StoreBatch batch : group) {
            for (StoreOperation operation : batch.operations()) {
                if (operationStarts != null) {
                    operationStarts.add(out.position());
                }
                encode(operation, out);
            }
        }
    }

    private static void encode(StoreOperation operation, ByteBuffer out) {
        if (operation instanceof StoreOperation.AddMessage m) {
            out.put(ADD_MESSAGE).putLong(m.messageId()).putInt(m.encoded().length).put(m.encoded());
        } else if (operation instanceof StoreOperation.AddReference r) {
            out.put(ADD_REFERENCE).putLong(r.storeQueueId()).putLong(r.messageId()).putInt(r.priority())
                    .putInt(r.deliveryCount());
        } else if (operation instanceof StoreOperation.RemoveReference r) {
            out.put(REMOVE_REFERENCE).putLong(r.storeQueueId()).putLong(r.messageId());
        } else if (operation instanceof StoreOperation.UpdateDeliveryCount u) {
            out.put(UPDATE_DELIVERY_COUNT).putLong(u.storeQueueId()).putLong(u.messageId()).putInt(u.deliveryCount());
        } else if (operation instanceof StoreOperation.DeleteQueue d) {
            out.put(DELETE_QUEUE).putLong(d.storeQueueId());
        } else if (operation instanceof StoreOperation.PrepareTransaction p) {
            out.put(PREPARE_TRANSACTION).putInt(p.xid().length).put(p.xid()).putInt(p.operations().size());
            for (StoreOperation inner : p.operations()) {
                encode(inner, out);
            }
        } else if (operation instanceof StoreOperation.CommitPrepared c) {
            out.put(COMMIT_PREPARED).putInt(c.xid().length).put(c.xid());
        } else if (operation instanceof StoreOperation.RollbackPrepared r) {
            out.put(ROLLBACK_PREPARED).putInt(r.xid().length).put(r.xid());
        } else if (operation instanceof StoreOperation.AddQueue q) {
            QueueDefinition d = q.definition();
            out.put(ADD_QUEUE).putLong(q.storeQueueId()).put((byte) d.kind().ordinal());
            putString(out, d.name());
            putString(out, d.clientId());
            putString(out, d.subscriptionName());
            putString(out, d.selector());
            out.put((byte) (d.noLocal() ? 1 : 0)).put((byte) (d.shared() ? 1 : 0));
        } else {
            throw new IllegalArgumentException("unknown store operation " + operation);
        }
    }

    private static void putString(ByteBuffer out, String value) {
        if (value == null) {
            out.putInt(-1);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.putInt(bytes.length).put(bytes);
    }

    /** Reads the operations of one record's payload (already checked by its CRC). */
    static List<StoreOperation> decode(ByteBuffer in) throws JournalCorruptException {
        try {
            int count = in.getInt();
            if (count < 0 || count > in.remaining()) {
                throw new JournalCorruptException("record claims " + count + " operations in "
                        + in.remaining() + " bytes");
            }
            List<StoreOperation> operations = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                operations.add(decodeOne(in));
            }
            return operations;
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new JournalCorruptException("record payload is malformed: " + e, e);
        }
    }

    private static StoreOperation decodeOne(ByteBuffer in) throws JournalCorruptException {
        byte type = in.get();
        switch (type) {
            case ADD_MESSAGE: {
                long id = in.getLong();
                byte[] bytes = new byte[in.getInt()];
                in.get(bytes);
                return new StoreOperation.AddMessage(id, bytes);
            }
            case ADD_REFERENCE:
                return new StoreOperation.AddReference(in.getLong(), in.getLong(), in.getInt(), in.getInt());
            case REMOVE_REFERENCE:
                return new StoreOperation.RemoveReference(in.getLong(), in.getLong());
            case UPDATE_DELIVERY_COUNT:
                return new StoreOperation.UpdateDeliveryCount(in.getLong(), in.getLong(), in.getInt());
            case DELETE_QUEUE:
                return new StoreOperation.DeleteQueue(in.getLong());
            case PREPARE_TRANSACTION: {
                byte[] xid = getXid(in);
                int count = in.getInt();
                if (count < 0 || count > in.remaining()) {
                    throw new JournalCorruptException("prepared transaction claims " + count + " operations in "
                            + in.remaining() + " bytes");
                }
                List<StoreOperation> inner = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    inner.add(decodeOne(in));
                }
                return new StoreOperation.PrepareTransaction(xid, inner);
            }
            case COMMIT_PREPARED:
                return new StoreOperation.CommitPrepared(getXid(in));
            case ROLLBACK_PREPARED:
                return new StoreOperation.RollbackPrepared(getXid(in));
            case ADD_QUEUE: {
                long id = in.getLong();
                int kind = in.get();
                QueueDefinition.Kind[] kinds = QueueDefinition.Kind.values();
                if (kind < 0 || kind >= kinds.length) {
                    throw new JournalCorruptException("unknown store queue kind " + kind);
                }
                QueueDefinition d = new QueueDefinition(kinds[kind], getString(in), getString(in), getString(in),
                        getString(in), in.get() != 0, in.get() != 0);
                return new StoreOperation.AddQueue(id, d);
            }
            default:
                throw new JournalCorruptException("unknown operation type " + type);
        }
    }

    private static byte[] getXid(ByteBuffer in) throws JournalCorruptException {
        int length = in.getInt();
        if (length < 0 || length > 1024) {
            throw new JournalCorruptException("xid length " + length + " is not between 0 and 1024");
        }
        byte[] xid = new byte[length];
        in.get(xid);
        return xid;
    }

    /** A prepared transaction's operations as bytes (count, then each operation), for a table row. */
    public static byte[] encodeOperations(List<StoreOperation> operations) {
        long size = 4;
        for (StoreOperation operation : operations) {
            size += size(operation);
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(size));
        out.putInt(operations.size());
        for (StoreOperation operation : operations) {
            encode(operation, out);
        }
        return out.array();
    }

    /** The inverse of {@link #encodeOperations}. */
    public static List<StoreOperation> decodeOperations(byte[] bytes) throws JournalCorruptException {
        return decode(ByteBuffer.wrap(bytes));
    }

    private static String getString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
