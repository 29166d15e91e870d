package dev.petrel.broker;

import jakarta.jms.JMSException;
import jakarta.jms.ResourceAllocationException;

import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.CompletionException;

/**
 * Turns a store failure into the JMS exception a client sees: {@link ResourceAllocationException}
 * when the store's disk is full (an {@link IOException} "No space left on device" anywhere in the
 * cause chain), a plain {@link JMSException} otherwise; the message keeps the store's own, which names
 * the store directory and the cause. Stateless.
 */
final class StoreFailures {
    /** The OS text of ENOSPC (Linux, macOS), as the JDK reports it in an IOException. */
    static final String NO_SPACE = "No space left on device";

    private StoreFailures() {
    }

    static JMSException toJmsException(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        IOException noSpace = noSpaceLeft(cause);
        JMSException e = noSpace == null
                ? new JMSException("the store could not make the work durable: " + cause.getMessage())
                : new ResourceAllocationException("the store's disk is full (" + noSpace
                        + "); the store could not make the work durable: " + cause.getMessage());
        e.setLinkedException(cause instanceof Exception ex ? ex : null);
        e.initCause(cause);
        return e;
    }

    /** The first ENOSPC IOException in the cause chain, or null (H2 chains can be circular). */
    private static IOException noSpaceLeft(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof IOException io && io.getMessage() != null && io.getMessage().contains(NO_SPACE)) {
                return io;
            }
        }
        return null;
    }
}
