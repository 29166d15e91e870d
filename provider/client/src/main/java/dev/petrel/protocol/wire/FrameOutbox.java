package dev.petrel.protocol.wire;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The outgoing frames of one channel, with one flush (one {@code write} system call) per batch
 * instead of one per frame. A thread other than the channel's event loop only queues its frame; the
 * first frame queued after a drain schedules one drain task on the event loop, which writes every
 * queued frame and flushes once, so a burst of frames from broker or application threads costs one
 * task hop and one flush. On the event loop itself, {@link #write} first writes whatever other threads
 * queued (so a frame never overtakes one queued before it) and then its own frame, without flushing:
 * the handler flushes with {@link #flushIfPending()} when it finishes a read batch
 * ({@code channelReadComplete}), and a drain task scheduled behind the current one flushes in any case.
 *
 * <p>Frames from one thread reach the socket in the order that thread wrote them. Thread-safe.
 * A frame whose write fails (the channel closed) and that carries a correlation id goes to the
 * failure callback given at construction.
 */
public final class FrameOutbox {

    /** Told about a frame that could not be written. */
    public interface WriteFailure {
        void failed(Frame frame, Throwable cause);
    }

    private final Channel channel;
    private final WriteFailure onFailure;
    private final Queue<Frame> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;
    /** Event loop only: frames were written since the last flush. */
    private boolean flushPending;

    public FrameOutbox(Channel channel, WriteFailure onFailure) {
        this.channel = channel;
        this.onFailure = onFailure;
    }

    /** Writes {@code frame} soon, from any thread; see the class comment for when it is flushed. */
    public void write(Frame frame) {
        if (channel.eventLoop().inEventLoop()) {
            writeQueued();
            writeOne(frame);
        } else {
            queued.add(frame);
        }
        if (drainScheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(drain);
            } catch (RejectedExecutionException e) {
                // the event loop has stopped: the channel is closed, nothing more will be written
                drainScheduled.set(false);
                failQueued(e);
            }
        }
    }

    /** Event loop: flushes what was written since the last flush, if anything. */
    public void flushIfPending() {
        if (flushPending) {
            flushPending = false;
            channel.flush();
        }
    }

    /** Event loop: writes and flushes everything queued now. */
    public void drain() {
        drainScheduled.set(false);
        writeQueued();
        flushIfPending();
    }

    private void writeQueued() {
        Frame frame;
        while ((frame = queued.poll()) != null) {
            writeOne(frame);
        }
    }

    private void writeOne(Frame frame) {
        flushPending = true;
        if (frame.correlationId() == 0) {
            channel.write(frame);
            return;
        }
        ChannelPromise promise = channel.newPromise();
        promise.addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                onFailure.failed(frame, future.cause());
            }
        });
        channel.write(frame, promise);
    }

    private void failQueued(Throwable cause) {
        Frame frame;
        while ((frame = queued.poll()) != null) {
            if (frame.correlationId() != 0) {
                onFailure.failed(frame, cause);
            }
        }
    }
}
