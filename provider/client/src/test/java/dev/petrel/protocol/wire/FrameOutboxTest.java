package dev.petrel.protocol.wire;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameOutboxTest {

    private static List<Long> written(EmbeddedChannel channel) {
        List<Long> ids = new ArrayList<>();
        Frame frame;
        while ((frame = channel.readOutbound()) != null) {
            ids.add(frame.correlationId());
        }
        return ids;
    }

    @Test
    void framesWrittenOnTheEventLoopAreAllOutAfterTheReadBatchFlushInWriteOrder() {
        EmbeddedChannel channel = new EmbeddedChannel();
        FrameOutbox outbox = new FrameOutbox(channel, (frame, cause) -> { });
        outbox.write(Frame.empty(FrameType.OK, 1));
        outbox.write(Frame.empty(FrameType.OK, 2));
        outbox.write(Frame.empty(FrameType.OK, 3));
        outbox.flushIfPending();
        assertEquals(List.of(1L, 2L, 3L), written(channel));
    }

    @Test
    void theScheduledDrainFlushesFramesNobodyFlushed() {
        EmbeddedChannel channel = new EmbeddedChannel();
        FrameOutbox outbox = new FrameOutbox(channel, (frame, cause) -> { });
        outbox.write(Frame.empty(FrameType.OK, 7));
        channel.runPendingTasks();
        assertEquals(List.of(7L), written(channel));
    }

    @Test
    void aFrameThatCannotBeWrittenGoesToTheFailureCallback() {
        EmbeddedChannel channel = new EmbeddedChannel();
        List<Long> failed = new ArrayList<>();
        FrameOutbox outbox = new FrameOutbox(channel, (frame, cause) -> failed.add(frame.correlationId()));
        channel.close();
        outbox.write(Frame.empty(FrameType.COMMIT, 9));
        channel.runPendingTasks();
        assertEquals(List.of(9L), failed);
    }
}
