package dev.petrel.broker;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MessageMemoryTest {

    /**
     * A held send's admission publishes it; a send that comes while that runs (the same producer's
     * next, say) must not get in first, or subscribers see the two out of order.
     */
    @Test
    void aSendThatComesWhileAnEarlierOneIsAdmittedIsAdmittedAfterIt() throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            MessageMemory memory = new MessageMemory("test", 100, 30_000, timer);
            memory.reserve(100, "filling").join();
            List<String> published = new CopyOnWriteArrayList<>();
            AtomicReference<CompletableFuture<Void>> second = new AtomicReference<>();

            CompletableFuture<Void> first = memory.reserve(10, "first").thenRun(() -> {
                second.set(memory.reserve(10, "second").thenRun(() -> published.add("second")));
                published.add("first");
            });
            assertFalse(first.isDone(), "the first send should wait for memory");
            memory.add(-100);

            first.join();
            second.get().join();
            assertEquals(List.of("first", "second"), published);
        } finally {
            timer.shutdownNow();
        }
    }
}
