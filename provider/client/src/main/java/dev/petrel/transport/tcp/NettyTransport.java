package dev.petrel.transport.tcp;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.Errors;

import java.net.BindException;

/**
 * Which Netty transport the client's and the server's sockets use: Linux's native epoll transport
 * when Netty can load it (the {@code linux-x86_64} native library ships with the client), otherwise
 * Java NIO. Both behave the same to Petrel; epoll costs fewer system calls and wake-ups per frame,
 * which is most of a small message's time on loopback.
 */
public final class NettyTransport {

    private static final boolean EPOLL = Epoll.isAvailable();
    /** Linux's EADDRINUSE as the native transport reports it (the library shipped is Linux's only). */
    private static final int EADDRINUSE_NEGATIVE = -98;

    private NettyTransport() {
    }

    /** "epoll" or "nio", for logs. */
    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    /** The I/O handler for this transport's event loops. */
    public static IoHandlerFactory ioHandlerFactory() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** The client socket channel class. */
    public static Class<? extends SocketChannel> socketChannel() {
        return EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /** The listening socket channel class. */
    public static Class<? extends ServerSocketChannel> serverSocketChannel() {
        return EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    /**
     * Whether a failed bind failed because the address is in use: NIO throws a {@link BindException},
     * the native transport an {@link Errors.NativeIoException} carrying the errno.
     */
    public static boolean isAddressInUse(Throwable bindFailure) {
        return bindFailure instanceof BindException
                || bindFailure instanceof Errors.NativeIoException nativeFailure && nativeFailure.expectedErr() == EADDRINUSE_NEGATIVE;
    }
}
