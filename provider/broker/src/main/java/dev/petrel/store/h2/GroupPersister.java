package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;

import java.util.List;

/**
 * Makes one group of batches durable, atomically. Called only on the store writer thread; when it
 * returns normally every batch of the group survives a crash, when it throws none of them is
 * confirmed.
 */
interface GroupPersister {

    void persist(List<StoreBatch> group) throws Exception;

    /** After the last group: makes everything durable; the database stays open. */
    void close() throws Exception;
}
