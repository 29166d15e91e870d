package dev.petrel.broker.server;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SerialExecutorTest {

    @Test
    void tasksRunOneAtATimeInSubmissionOrderOnAPool() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            SerialExecutor serial = new SerialExecutor(pool, "test");
            List<Integer> order = new ArrayList<>();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger maxRunning = new AtomicInteger();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                serial.execute(() -> {
                    maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    order.add(n);
                    running.decrementAndGet();
                });
            }
            Await.until("all tasks ran", () -> serial.queued() == 0);
            assertEquals(1, maxRunning.get());
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                expected.add(i);
            }
            assertEquals(expected, order);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void failingTaskDoesNotStopTheNextOne() {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            SerialExecutor serial = new SerialExecutor(pool, "test");
            AtomicInteger ran = new AtomicInteger();
            serial.execute(() -> {
                throw new IllegalStateException("task failure on purpose");
            });
            serial.execute(ran::incrementAndGet);
            Await.until("second task ran", () -> ran.get() == 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
