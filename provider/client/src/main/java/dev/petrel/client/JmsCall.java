package dev.petrel.client;

import jakarta.jms.JMSException;

/** A call into the classic API whose checked {@code JMSException} the simplified API converts with {@link JmsExceptions#toRuntime}. */
@FunctionalInterface
interface JmsCall<T> {
    T call() throws JMSException;

    /** Runs {@code call}, converting its {@code JMSException} to the matching runtime exception. */
    static <T> T unchecked(JmsCall<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    /** As {@link #unchecked} for a call without result. */
    static void run(JmsAction action) {
        try {
            action.run();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    /** A call without result. */
    @FunctionalInterface
    interface JmsAction {
        void run() throws JMSException;
    }
}
