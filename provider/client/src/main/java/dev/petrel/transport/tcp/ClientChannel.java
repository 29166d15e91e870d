package dev.petrel.transport.tcp;

import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.wire.Callback;
import dev.petrel.protocol.wire.ErrorPayload;
import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.FrameDecoder;
import dev.petrel.protocol.wire.FrameEncoder;
import dev.petrel.protocol.wire.FrameOutbox;
import dev.petrel.protocol.wire.FrameType;
import dev.petrel.protocol.wire.WireProtocolException;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The socket of one client connection, served by one of the I/O threads all connections share
 * ({@link SharedClientEventLoops}; released with the connection). Writes go through a
 * {@link FrameOutbox} (one flush per batch). Reads frames and routes them: responses to
 * {@link PendingRequests}, callbacks to the {@link ClientHandler} (called on the I/O thread, in
 * arrival order), PING nowhere. Sends PING when it has written nothing for a heartbeat interval and
 * declares the broker dead after three intervals without receiving anything. A lost connection fails
 * every waiting request and, once established and not closed by the application, calls
 * {@link ClientHandler#connectionFailed} exactly once.
 */
final class ClientChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ClientChannel.class);
    private static final FrameEncoder ENCODER = new FrameEncoder();

    private final TcpClientOptions options;
    private final ClientHandler handler;
    private final PendingRequests pending = new PendingRequests();
    private final AtomicBoolean failureReported = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private final EventLoopGroup group;
    private volatile Channel channel;
    private volatile FrameOutbox outbox;
    private volatile boolean established;
    private volatile boolean closing;
    /** Why the connection is going down, when known before the socket closes (I/O thread only). */
    private JMSException lossCause;

    private ClientChannel(TcpClientOptions options, ClientHandler handler) {
        this.options = options;
        this.handler = handler;
        this.group = SharedClientEventLoops.acquire();
    }

    static ClientChannel connect(TcpClientOptions options, ClientHandler handler) throws JMSException {
        SslContext sslContext = options.ssl() ? ClientSslContexts.build(options) : null;
        ClientChannel client = new ClientChannel(options, handler);
        Bootstrap bootstrap = new Bootstrap().group(client.group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, options.connectTimeoutMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (sslContext != null) {
                            ch.pipeline().addLast("tls", client.sslHandler(sslContext, ch));
                        }
                        ch.pipeline().addLast("frames", new FrameDecoder(options.maxFrameSize()));
                        ch.pipeline().addLast("encoder", ENCODER);
                        ch.pipeline().addLast("inbound", client.new Inbound());
                    }
                });
        ChannelFuture connected = bootstrap.connect(options.host(), options.port()).awaitUninterruptibly();
        if (!connected.isSuccess()) {
            client.shutdown();
            JMSException error = new JMSException("cannot connect to " + options.address() + ": "
                    + connected.cause().getMessage());
            error.initCause(connected.cause());
            if (connected.cause() instanceof Exception e) {
                error.setLinkedException(e);
            }
            throw error;
        }
        client.outbox = new FrameOutbox(connected.channel(), client::writeFailed);
        client.channel = connected.channel();
        return client;
    }

    private SslHandler sslHandler(SslContext sslContext, SocketChannel ch) {
        SslHandler ssl = sslContext.newHandler(ch.alloc(), options.host(), options.port());
        if (options.verifyHost()) {
            SSLEngine engine = ssl.engine();
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
        }
        return ssl;
    }

    PendingRequests pending() {
        return pending;
    }

    void writePreambleAndConnect(Frame connect) {
        ByteBuf preamble = channel.alloc().buffer(FrameCodec.PREAMBLE_LENGTH);
        FrameCodec.writePreamble(preamble, FrameCodec.PROTOCOL_VERSION);
        channel.write(preamble);
        write(connect);
    }

    /** The broker answered CONNECTED: heartbeats start, losses are reported from now on. */
    void established(long heartbeatMillis) {
        if (heartbeatMillis > 0) {
            channel.pipeline().addBefore("inbound", "idle",
                    new IdleStateHandler(3 * heartbeatMillis, heartbeatMillis, 0, TimeUnit.MILLISECONDS));
        }
        established = true;
        if (pending.failure() != null && !channel.isActive()) {
            reportFailure(pending.failure());
        }
    }

    /**
     * Writes through the {@link FrameOutbox}: frames written close together share one flush; if the
     * write fails, the request waiting on it fails.
     */
    void write(Frame frame) {
        outbox.write(frame);
    }

    private void writeFailed(Frame frame, Throwable cause) {
        CompletableFuture<Frame> waiting = pending.remove(frame.correlationId());
        if (waiting != null) {
            JMSException error = new JMSException("cannot send " + frame.type() + " to "
                    + options.address() + ": " + cause);
            error.initCause(cause);
            waiting.completeExceptionally(error);
        }
    }

    /** True on any client I/O thread: they are shared, so a blocking call there could wait on itself. */
    boolean inIoThread() {
        return SharedClientEventLoops.isIoThread(group);
    }

    /** The application is closing the connection: no {@code connectionFailed} from here on. */
    void closing() {
        closing = true;
    }

    void shutdown() {
        closing = true;
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
        if (released.compareAndSet(false, true)) {
            SharedClientEventLoops.release(group);
        }
    }

    /** A response the broker sent is malformed: the connection cannot be trusted any more. */
    JMSException protocolFailure(WireProtocolException e) {
        LOG.warn("protocol error from broker at {}: {}; closing the connection", options.address(), e.getMessage());
        JMSException failure = new JMSException("protocol error from broker at " + options.address() + ": " + e.getMessage());
        failure.initCause(e);
        channel.eventLoop().execute(() -> {
            lossCause = failure;
            channel.close();
        });
        return failure;
    }

    private void reportFailure(JMSException cause) {
        if (established && !closing && failureReported.compareAndSet(false, true)) {
            try {
                handler.connectionFailed(cause);
            } catch (RuntimeException e) {
                LOG.warn("ClientHandler.connectionFailed threw for {}", options.address(), e);
            }
        }
    }

    /** Inbound frames and channel events; runs on the I/O thread only. */
    private final class Inbound extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Frame frame = (Frame) msg;
            try {
                switch (frame.type()) {
                    case OK, CONNECTED -> response(frame).complete(frame);
                    case ERROR -> error(ctx, frame);
                    case PING -> { }
                    case DELIVER, CONSUMER_CLOSED, CONNECTION_FAILED -> callback(ctx, Callback.decode(frame));
                    default -> throw new WireProtocolException("a broker does not send " + frame.type() + " frames");
                }
            } catch (WireProtocolException e) {
                fail(ctx, "protocol error: " + e.getMessage(), e);
            }
        }

        private CompletableFuture<Frame> response(Frame frame) throws WireProtocolException {
            CompletableFuture<Frame> waiting = pending.remove(frame.correlationId());
            if (waiting == null) {
                throw new WireProtocolException(frame.type() + " answers correlation id " + frame.correlationId()
                        + ", which no request is waiting for");
            }
            return waiting;
        }

        private void error(ChannelHandlerContext ctx, Frame frame) throws WireProtocolException {
            ErrorPayload error = ErrorPayload.decode(frame);
            if (frame.correlationId() == 0) {
                // a connection-level error: the broker closes the socket right after it
                lossCause = error.toException();
                LOG.warn("broker at {} is closing the connection: {}", options.address(), error.message());
                return;
            }
            response(frame).completeExceptionally(error.toException());
        }

        private void callback(ChannelHandlerContext ctx, Callback callback) throws WireProtocolException {
            if (!established && !(callback instanceof Callback.ConnectionFailed)) {
                throw new WireProtocolException(callback.type() + " before the connection was established");
            }
            try {
                if (callback instanceof Callback.Deliver deliver) {
                    handler.deliver(deliver.delivery());
                } else if (callback instanceof Callback.ConsumerClosed closed) {
                    handler.consumerClosed(closed.consumerId(), closed.reason().toException());
                } else if (callback instanceof Callback.ConnectionFailed failed) {
                    lossCause = failed.cause().toException();
                    pending.failAll(lossCause);
                    reportFailure(lossCause);
                }
            } catch (RuntimeException e) {
                LOG.warn("ClientHandler threw handling {} from {}", callback.type(), options.address(), e);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            outbox.flushIfPending();
            ctx.fireChannelReadComplete();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event instanceof IdleStateEvent idle) {
                if (idle.state() == IdleState.WRITER_IDLE) {
                    ctx.writeAndFlush(Frame.empty(FrameType.PING, 0));
                } else if (idle.state() == IdleState.READER_IDLE) {
                    IdleStateHandler idleHandler = ctx.pipeline().get(IdleStateHandler.class);
                    fail(ctx, "no traffic from the broker for "
                            + idleHandler.getReaderIdleTimeInMillis() + " ms (3 heartbeat intervals)", null);
                }
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof DecoderException && cause.getCause() instanceof WireProtocolException wire) {
                fail(ctx, "protocol error: " + wire.getMessage(), wire);
            } else {
                fail(ctx, String.valueOf(cause.getMessage()), cause);
            }
        }

        private void fail(ChannelHandlerContext ctx, String reason, Throwable cause) {
            if (lossCause == null) {
                String message = "connection to broker at " + options.address() + " lost: " + reason;
                if (!closing) {
                    LOG.warn("{}; closing it", message);
                }
                lossCause = new JMSException(message);
                if (cause != null) {
                    lossCause.initCause(cause);
                }
            }
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            JMSException cause = lossCause != null ? lossCause
                    : new JMSException("connection to broker at " + options.address() + " lost: closed by the broker or the network");
            pending.failAll(cause);
            reportFailure(cause);
        }
    }
}
