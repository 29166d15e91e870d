/**
 * Petrel's embedded durable store: {@link dev.petrel.store.h2.H2MessageStore}, an H2 file database
 * in a locked directory, configured by {@link dev.petrel.store.h2.H2StoreConfig}.
 *
 * <p>Writes: one store writer thread gathers every pending batch into a group (no timers; groups grow
 * under load). By default a group becomes one CRC32C-checked record of the journal
 * ({@code dev.petrel.store.h2.journal}), made durable by one fdatasync, and is confirmed; the journal
 * applier thread applies groups to H2 behind it in large transactions that record the journal position
 * they reach, syncs H2 ({@code CHECKPOINT SYNC}) about once a segment, and recycles older segments.
 * Opening replays the journal after the recorded position (operations are idempotent), syncs H2 and
 * starts a fresh journal. Without the journal, a group is an H2 commit plus {@code CHECKPOINT SYNC}.
 *
 * <p>Reads ({@code readReferences}) use pooled connections and, with the journal, first wait until
 * H2 has applied everything confirmed at the time of the call.
 *
 * <p>Files in the directory: {@code petrel.mv.db} (H2), {@code journal-<position>.seg} (journal
 * segments), {@code petrel.lock} (holds the owner's pid).
 */
package dev.petrel.store.h2;
