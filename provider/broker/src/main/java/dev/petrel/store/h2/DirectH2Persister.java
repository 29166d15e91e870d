package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step-one durability: each group is one H2 transaction followed by {@code CHECKPOINT SYNC}. About
 * a thousand syncs a second on this machine, so throughput depends on groups being large.
 *
 * <p>Threading: store writer thread only (the counters are read from any thread).
 */
final class DirectH2Persister implements GroupPersister {
    private final H2Writer writer;
    private final AtomicLong syncs;

    DirectH2Persister(H2Writer writer, AtomicLong syncs) {
        this.writer = writer;
        this.syncs = syncs;
    }

    @Override
    public void persist(List<StoreBatch> group) throws SQLException {
        try {
            writer.applyAll(group);
            writer.commit(-1);
        } catch (SQLException | RuntimeException e) {
            writer.rollbackAfter(e);
            throw e;
        }
        writer.sync();
        syncs.incrementAndGet();
    }

    @Override
    public void close() throws SQLException {
        writer.sync();
    }
}
