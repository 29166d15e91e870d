package dev.petrel.transport.tcp;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.util.concurrent.TimeUnit;

/**
 * The Netty I/O threads every TCP connection of this class loader shares: one event loop group of
 * as many "petrel-client-io" threads as there are cores, created by the first connection and shut
 * down when the last one is released. Before, each connection had its own thread, so an application
 * with a producer and four consumer connections on a 2-core machine had five selector threads
 * competing for two cores.
 *
 * <p>This is static mutable state, the second documented exception to the project's rule (the
 * first is the in-VM broker registry): connections are created through stateless
 * {@code ServiceLoader}-found transport factories, so there is no object shared by the connections of
 * an application that could own the threads. Reference counted; every method is synchronized on the
 * class.
 */
final class SharedClientEventLoops {

    private static EventLoopGroup group;
    private static int users;

    private SharedClientEventLoops() {
    }

    /** The shared group, created on first use; each call must be paired with one {@link #release}. */
    static synchronized EventLoopGroup acquire() {
        if (group == null) {
            group = new MultiThreadIoEventLoopGroup(Math.max(1, Runtime.getRuntime().availableProcessors()),
                    new DefaultThreadFactory("petrel-client-io", true), NioIoHandler.newFactory());
        }
        users++;
        return group;
    }

    /** One user is done with {@code released}; the last one shuts its threads down. */
    static synchronized void release(EventLoopGroup released) {
        if (released != group || users == 0) {
            return;
        }
        users--;
        if (users == 0) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            group = null;
        }
    }

    /** True on any of {@code loops}' threads (where a blocking call to any connection could deadlock). */
    static boolean isIoThread(EventLoopGroup loops) {
        for (EventExecutor loop : loops) {
            if (loop.inEventLoop()) {
                return true;
            }
        }
        return false;
    }
}
