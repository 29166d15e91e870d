package dev.petrel.transport.tcp;

import dev.petrel.protocol.wire.Frame;
import jakarta.jms.JMSException;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of one connection still waiting for their response, by correlation id. Thread-safe:
 * client threads register, the I/O thread completes; once {@link #failAll} has run, registering fails
 * at once with the same cause, so no request can wait for a response that will never come.
 */
final class PendingRequests {

    private final Map<Long, CompletableFuture<Frame>> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private volatile JMSException failure;

    /** A new correlation id (never 0: 0 marks frames that answer nothing) and its future. */
    Registration register() {
        long id = nextId.incrementAndGet();
        CompletableFuture<Frame> future = new CompletableFuture<>();
        pending.put(id, future);
        JMSException cause = failure;
        if (cause != null) {
            pending.remove(id);
            future.completeExceptionally(cause);
        }
        return new Registration(id, future);
    }

    /** The waiting future for {@code correlationId}, removed; null when none waits. */
    CompletableFuture<Frame> remove(long correlationId) {
        return pending.remove(correlationId);
    }

    /** Fails every waiting request and every later one with {@code cause}; the first cause wins. */
    void failAll(JMSException cause) {
        if (failure == null) {
            failure = cause;
        }
        JMSException reason = failure;
        for (Long id : pending.keySet()) {
            CompletableFuture<Frame> future = pending.remove(id);
            if (future != null) {
                future.completeExceptionally(reason);
            }
        }
    }

    /** The cause given to {@link #failAll}, or null while the connection is usable. */
    JMSException failure() {
        return failure;
    }

    int size() {
        return pending.size();
    }

    record Registration(long correlationId, CompletableFuture<Frame> future) {
    }
}
