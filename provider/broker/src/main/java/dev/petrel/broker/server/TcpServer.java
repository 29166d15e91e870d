package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerEndpoint;
import dev.petrel.protocol.wire.FrameEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The broker's TCP (or TLS) listener: accepts connections and gives each a {@link ServerConnection}
 * that opens it through the {@link BrokerEndpoint} and serves its frames.
 *
 * <pre>{@code
 * try (TcpServer server = TcpServer.start(TcpServerConfig.builder().port(61616).build(), endpoint)) {
 *     ... clients connect to server.url() ...
 * }
 * }</pre>
 *
 * Threading: one Netty acceptor thread, {@code ioThreads} I/O threads that only decode, encode and
 * route, and a cached pool of "petrel-broker-call" threads on which each connection's broker calls run
 * one at a time (they may block on disk). Thread-safe; {@link #close()} is idempotent.
 */
public final class TcpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpServer.class);
    private static final FrameEncoder ENCODER = new FrameEncoder();

    private final TcpServerConfig config;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ExecutorService brokerCalls;
    private final ChannelGroup channels = new DefaultChannelGroup("petrel-tcp", GlobalEventExecutor.INSTANCE);
    private final Channel serverChannel;
    private volatile boolean closed;

    private TcpServer(TcpServerConfig config, BrokerEndpoint endpoint) throws IOException {
        this.config = config;
        SslContext ssl = config.tls() ? ServerSslContexts.build(config) : null;
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("petrel-tcp-accept", true),
                NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("petrel-tcp-io", true),
                NioIoHandler.newFactory());
        brokerCalls = Executors.newCachedThreadPool(new DefaultThreadFactory("petrel-broker-call", true));
        ServerBootstrap bootstrap = new ServerBootstrap().group(acceptor, workers)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (closed) {
                            ch.close();
                            return;
                        }
                        channels.add(ch);
                        if (ssl != null) {
                            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast("preamble", new PreambleDecoder(config.maxFrameSize()));
                        ch.pipeline().addLast("encoder", ENCODER);
                        ch.pipeline().addLast("connection", new ServerConnection(config, endpoint, brokerCalls));
                    }
                });
        ChannelFuture bound = bootstrap.bind(config.bindHost(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownThreads();
            Throwable cause = bound.cause();
            String where = config.bindHost() + ":" + config.port();
            IOException error = cause instanceof BindException
                    ? new BindException("cannot listen on " + where + ": " + cause.getMessage())
                    : new IOException("cannot listen on " + where + ": " + cause.getMessage());
            error.initCause(cause);
            throw error;
        }
        serverChannel = bound.channel();
        LOG.info("listening on {}", url());
    }

    /** Binds and starts serving; throws (naming host:port) when the address cannot be bound. */
    public static TcpServer start(TcpServerConfig config, BrokerEndpoint endpoint) throws IOException {
        return new TcpServer(config, endpoint);
    }

    /** The address actually bound (with the real port when the config asked for 0). */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    public int port() {
        return address().getPort();
    }

    /** {@code tcp://host:port} or {@code ssl://host:port}: what clients connect to. */
    public String url() {
        return (config.tls() ? "ssl" : "tcp") + "://" + address().getHostString() + ":" + port();
    }

    /** Client connections currently open. */
    public int connectionCount() {
        return channels.size();
    }

    /**
     * Stops accepting, tells every client the broker is shutting down and closes it (which closes
     * its broker connection), then stops the threads, waiting up to 10 s for broker calls to end.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        serverChannel.close().awaitUninterruptibly();
        for (Channel channel : channels) {
            ServerConnection connection = channel.pipeline().get(ServerConnection.class);
            if (connection != null) {
                connection.shutdown("broker at " + url() + " is shutting down");
            } else {
                channel.close();
            }
        }
        channels.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        shutdownThreads();
        LOG.info("stopped listening on {}", config.bindHost() + ":" + port());
    }

    private void shutdownThreads() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
        brokerCalls.shutdown();
        try {
            if (!brokerCalls.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("broker calls still running 10 s after the TCP server stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting for broker calls to end; they go on in the background");
        }
    }
}
