package dev.petrel.ra;

import dev.petrel.client.JmsExceptions;
import jakarta.jms.JMSException;

/** Calls into the classic API from the simplified one, converting {@code JMSException} to its runtime twin. */
final class Unchecked {

    private Unchecked() {
    }

    @FunctionalInterface
    interface Call<T> {
        T call() throws JMSException;
    }

    @FunctionalInterface
    interface Action {
        void run() throws JMSException;
    }

    static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }

    static void run(Action action) {
        try {
            action.run();
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        }
    }
}
