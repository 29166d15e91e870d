package dev.petrel.store.h2;

import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.h2.journal.JournalFiles;
import dev.petrel.store.h2.journal.JournalReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Brings H2 up to date with the journal at open: replays every valid record after the position H2
 * recorded, in transactions that record the position they reach, syncs H2 and deletes the journal.
 * Runs on the opening thread, before the store writer starts.
 */
final class JournalRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRecovery.class);
    private static final int OPERATIONS_PER_TRANSACTION = 20_000;

    private JournalRecovery() {
    }

    /** Returns the journal position at which new records continue. */
    static long replay(Path directory, H2Writer writer) throws StoreException {
        long from;
        long[] state = new long[3]; // operations since commit, records replayed, last end position
        try {
            from = writer.journalPosition();
            state[2] = from;
            long end = JournalReader.replay(directory, from, (operations, endPosition) -> {
                for (StoreOperation operation : operations) {
                    writer.apply(operation);
                }
                state[0] += operations.size();
                state[1]++;
                state[2] = endPosition;
                if (state[0] >= OPERATIONS_PER_TRANSACTION) {
                    writer.commit(endPosition);
                    state[0] = 0;
                }
            });
            writer.commit(end);
            writer.sync();
            JournalFiles.deleteAll(directory);
            if (state[1] > 0) {
                LOG.info("replayed {} journal record(s) of {} from position {} to {}", state[1], directory, from, end);
            }
            return end;
        } catch (Exception e) {
            writer.rollbackAfter(e);
            throw new StoreException("replaying the journal of " + directory + " into H2 failed at position "
                    + state[2] + "; the journal is kept: " + FailureText.describe(e), e);
        }
    }
}
