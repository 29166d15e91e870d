package dev.petrel.broker.admin;

import dev.petrel.broker.ManagedBacklog;
import dev.petrel.broker.ManagementAccess;
import dev.petrel.management.ManagementException;
import dev.petrel.message.MessageCodec;
import dev.petrel.message.MessageData;
import dev.petrel.store.StoreException;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoredReference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Removes and moves messages of one backlog, in batches of {@link #BATCH}: each batch is one
 * short command on the queue's executor (claim), one atomic store batch (removals, plus the copies
 * for a move), and one more short command (finish). Between batches the queue keeps serving, and
 * other destinations are never touched.
 *
 * <p>Threading: stateless; runs on the management caller's thread.
 */
final class BacklogEditor {
    static final int BATCH = 500;

    private final ManagementAccess access;

    BacklogEditor(ManagementAccess access) {
        this.access = access;
    }

    /** Removes every message with an id up to {@code maxId}, in flight ones included; returns how many. */
    long purge(ManagedBacklog backlog, long maxId) {
        long removed = 0;
        while (true) {
            ManagedBacklog.Claim claim = Backlogs.await(backlog.claimHeld(BATCH, maxId), "purging " + backlog.destinationName());
            if (claim.isEmpty()) {
                break;
            }
            removed += remove(backlog, claim, List.of());
        }
        long after = 0;
        while (backlog.stored()) {
            List<StoredReference> refs = read(backlog, after);
            List<Long> ids = new ArrayList<>();
            for (StoredReference ref : refs) {
                if (ref.messageId() <= maxId) {
                    ids.add(ref.messageId());
                }
            }
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            ManagedBacklog.Claim claim = Backlogs.await(backlog.claim(ids, true), "purging " + backlog.destinationName());
            removed += remove(backlog, claim, claim.notHeld());
        }
        return removed;
    }

    /** Removes one message; false when the backlog does not have it. */
    boolean delete(ManagedBacklog backlog, long id) {
        ManagedBacklog.Claim claim = Backlogs.await(backlog.claim(List.of(id), true), "deleting message " + id);
        if (!claim.isEmpty()) {
            remove(backlog, claim, List.of());
            return true;
        }
        if (readOne(backlog, id) == null) {
            return false;
        }
        remove(backlog, claim, List.of(id));
        return true;
    }

    /**
     * Moves the messages with these ids (not those in flight) as copies made by {@code copyOf}, in
     * batches; returns how many moved. Ids the backlog does not have are skipped.
     */
    long move(ManagedBacklog backlog, List<Long> ids, Function<MessageData, MessageData> copyOf) {
        long moved = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            ManagedBacklog.Claim claim = Backlogs.await(backlog.claim(batch, false), "moving from " + backlog.destinationName());
            List<MessageData> copies = new ArrayList<>();
            List<StoreOperation> removals = new ArrayList<>();
            for (ManagedBacklog.Entry e : claim.entries()) {
                copies.add(copyOf.apply(e.message()));
                if (e.stored()) {
                    removals.add(backlog.removal(e.id()));
                }
            }
            List<Long> storeOnly = new ArrayList<>();
            for (long id : claim.notHeld()) {
                StoredReference ref = readOne(backlog, id);
                if (ref != null) {
                    storeOnly.add(id);
                    copies.add(copyOf.apply(MessageCodec.decode(ref.encoded())));
                    removals.add(backlog.removal(id));
                }
            }
            if (copies.isEmpty()) {
                continue;
            }
            write(backlog, claim, access.writeCopies(copies, removals), "moving messages from " + backlog.destinationName());
            Backlogs.await(backlog.finishRemoval(claim, storeOnly), "moving from " + backlog.destinationName());
            moved += copies.size();
        }
        return moved;
    }

    private long remove(ManagedBacklog backlog, ManagedBacklog.Claim claim, List<Long> storeOnly) {
        List<StoreOperation> removals = new ArrayList<>();
        for (ManagedBacklog.Entry e : claim.entries()) {
            if (e.stored()) {
                removals.add(backlog.removal(e.id()));
            }
        }
        for (long id : storeOnly) {
            removals.add(backlog.removal(id));
        }
        write(backlog, claim, access.writeCopies(List.of(), removals), "removing messages from " + backlog.destinationName());
        Backlogs.await(backlog.finishRemoval(claim, storeOnly), "removing from " + backlog.destinationName());
        return claim.entries().size() + storeOnly.size();
    }

    /** Waits for a store write; on failure puts the claimed entries back and throws. */
    private static void write(ManagedBacklog backlog, ManagedBacklog.Claim claim, CompletableFuture<Void> written, String what) {
        try {
            Backlogs.await(written, what);
        } catch (ManagementException e) {
            Backlogs.await(backlog.restore(claim), "restoring " + backlog.destinationName());
            throw e;
        }
    }

    private static List<StoredReference> read(ManagedBacklog backlog, long after) {
        try {
            return backlog.readStored(after, BATCH);
        } catch (StoreException e) {
            throw new ManagementException("reading " + backlog.destinationName() + " from the store after message "
                    + after + " failed: " + e.getMessage(), e);
        }
    }

    static StoredReference readOne(ManagedBacklog backlog, long id) {
        try {
            return backlog.readStored(id);
        } catch (StoreException e) {
            throw new ManagementException("reading message " + id + " of " + backlog.destinationName()
                    + " from the store failed: " + e.getMessage(), e);
        }
    }
}
