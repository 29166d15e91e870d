package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.h2.journal.JournalFiles;
import dev.petrel.store.h2.journal.JournalWriter;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Step-two durability: a group is durable once its journal record is fdatasynced; it is applied to
 * H2 behind, by the {@link JournalApplierThread}. On a clean close, once H2 holds and has synced
 * everything, the journal files are deleted.
 *
 * <p>Threading: store writer thread only.
 */
final class JournaledPersister implements GroupPersister {
    private final Path directory;
    private final JournalWriter journal;
    private final JournalApplierThread applier;
    private final AtomicLong syncs;

    JournaledPersister(Path directory, JournalWriter journal, JournalApplierThread applier, AtomicLong syncs) {
        this.directory = directory;
        this.journal = journal;
        this.applier = applier;
        this.syncs = syncs;
    }

    @Override
    public void persist(List<StoreBatch> group) throws Exception {
        applier.awaitRoom();
        long before = journal.confirmedPosition();
        long end = journal.append(group);
        syncs.incrementAndGet();
        int operations = 0;
        for (StoreBatch batch : group) {
            operations += batch.size();
        }
        applier.enqueue(group, end, end - before, operations);
    }

    @Override
    public void close() throws Exception {
        boolean applied = applier.close();
        journal.close();
        if (applied) {
            JournalFiles.deleteAll(directory);
        }
    }
}
