package dev.petrel.broker.server;

import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.BrokerEndpoint;
import dev.petrel.protocol.wire.ErrorPayload;
import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.FrameOutbox;
import dev.petrel.protocol.wire.FrameType;
import dev.petrel.protocol.wire.Handshake;
import dev.petrel.protocol.wire.Request;
import dev.petrel.protocol.wire.WireProtocolException;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.transport.ConnectRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The server side of one client connection. On the channel's event loop it checks the handshake
 * (CONNECT first, within the handshake timeout), decodes requests and hands them, in arrival order,
 * to the connection's {@link SerialExecutor}, where the {@link BrokerEndpoint} and the returned
 * {@link BrokerConnection} are called (they may block) and the responses are written. The exception:
 * SEND (to a destination this connection already sent to), ACKNOWLEDGE and GRANT_CREDIT, which never
 * wait, run right on the event loop when the serial executor has nothing of this connection queued or running
 * (see {@link #runsInline}). Every frame goes out through a {@link FrameOutbox}: frames written on
 * the event loop while it reads are flushed once at the end of the read batch, frames from broker
 * threads are written in batches by one event-loop task and one flush. Back-pressure:
 * it stops reading while the socket is not writable or too many requests wait for the broker; a client
 * that leaves the server unable to write for the stall timeout, or lets more than
 * {@code maxPendingWriteBytes} pile up, is disconnected. Any bad input closes this connection only,
 * with a WARN naming the remote address and the reason. Closing the socket closes the broker
 * connection (which returns its deliveries to their queues).
 */
final class ServerConnection extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerConnection.class);
    private static final int MAX_KNOWN_DESTINATIONS = 1024;

    private final TcpServerConfig config;
    private final BrokerEndpoint endpoint;
    private final Executor pool;
    private Channel channel;
    private String remote;
    private SerialExecutor serial;
    private RequestDispatcher dispatcher;
    private FrameOutbox outbox;
    /**
     * Destinations a SEND of this connection reached through the serial executor (where the broker
     * may create them, writing to the store): only SENDs to these run on the event loop.
     */
    private final Set<DestinationRef> knownDestinations = ConcurrentHashMap.newKeySet();
    /** Event loop only. */
    private boolean connectSeen;
    private ScheduledFuture<?> handshakeTimer;
    private ScheduledFuture<?> stallTimer;
    private volatile BrokerConnection broker;
    private volatile boolean closed;
    /** Set once the client was found not reading: later writes are dropped, the close is under way. */
    private volatile boolean abandoned;

    ServerConnection(TcpServerConfig config, BrokerEndpoint endpoint, Executor pool) {
        this.config = config;
        this.endpoint = endpoint;
        this.pool = pool;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        remote = describe(channel);
        serial = new SerialExecutor(pool, "connection from " + remote);
        dispatcher = new RequestDispatcher(remote, config.maxFrameSize());
        outbox = new FrameOutbox(channel, (frame, cause) ->
                LOG.debug("{} for {} not written: {}", frame.type(), remote, cause.toString()));
        handshakeTimer = ctx.executor().schedule(() -> {
            if (broker == null) {
                LOG.warn("closing connection from {}: no handshake within {} ms", remote, config.handshakeTimeoutMillis());
                ctx.close();
            }
        }, config.handshakeTimeoutMillis(), TimeUnit.MILLISECONDS);
        LOG.debug("connection from {} accepted", remote);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Frame frame = (Frame) msg;
        try {
            if (!connectSeen) {
                Handshake.Connect connect = Handshake.Connect.decode(frame);
                connectSeen = true;
                submit(() -> open(connect, frame.correlationId()));
            } else if (frame.type() == FrameType.PING) {
                return;
            } else if (!frame.type().isRequest()) {
                throw new WireProtocolException("a client does not send " + frame.type() + " frames"
                        + (frame.type() == FrameType.CONNECT ? " twice" : ""));
            } else {
                Request request = Request.decode(frame);
                long correlationId = frame.correlationId();
                if (runsInline(request)) {
                    dispatcher.dispatch(broker, request, correlationId, this::write, this::writeAndClose);
                    return;
                }
                submit(() -> {
                    BrokerConnection current = broker;
                    if (current != null && !closed) {
                        dispatcher.dispatch(current, request, correlationId, this::write, this::writeAndClose);
                        if (request instanceof Request.Send send && knownDestinations.size() < MAX_KNOWN_DESTINATIONS) {
                            knownDestinations.add(send.message().destination());
                        }
                    }
                });
            }
        } catch (WireProtocolException e) {
            protocolError(ctx, e);
        }
    }

    /**
     * SEND, ACKNOWLEDGE and GRANT_CREDIT do not wait for the broker (the answer to a send or an
     * acknowledgement comes when its stage completes, and the broker leaves their store write to the
     * store's writer thread for a remote connection; credit only posts to the queue's executor), so when nothing of this connection is
     * queued or running on the serial executor they are dispatched here on the event loop, saving
     * two thread hops per request; otherwise they queue behind the earlier requests, keeping order.
     * The first SEND to a destination always takes the serial executor: the broker may create the
     * destination then, which waits for the store.
     */
    private boolean runsInline(Request request) {
        boolean cheap = request instanceof Request.GrantCredit || request instanceof Request.Acknowledge
                || request instanceof Request.Send send && knownDestinations.contains(send.message().destination());
        return cheap && broker != null && !closed && serial.queued() == 0;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
        outbox.flushIfPending();
        super.channelReadComplete(ctx);
    }

    private void submit(Runnable task) {
        serial.execute(() -> {
            try {
                task.run();
            } finally {
                if (!channel.config().isAutoRead()) {
                    onEventLoop(this::updateAutoRead);
                }
            }
        });
        updateAutoRead();
    }

    /** Serial executor: asks the broker to open the connection, answers CONNECTED or ERROR. */
    private void open(Handshake.Connect connect, long correlationId) {
        BrokerConnection opened;
        try {
            opened = endpoint.connect(new ConnectRequest(uri(), connect.options(), connect.username(),
                    connect.password()), new ChannelClientHandler(this));
        } catch (JMSException e) {
            LOG.warn("connection from {} refused: {}", remote, e.getMessage());
            writeAndClose(ErrorPayload.of(e).toFrame(correlationId));
            return;
        } catch (RuntimeException e) {
            LOG.warn("broker failed to open a connection for {}", remote, e);
            writeAndClose(new ErrorPayload(JMSException.class.getName(),
                    "broker failed to open the connection: " + e, null).toFrame(correlationId));
            return;
        }
        if (closed) {
            opened.close();
            return;
        }
        broker = opened;
        long heartbeat = Handshake.negotiateHeartbeat(connect.heartbeatMillis(), config.heartbeatMillis());
        ConnectionInfo info = opened.info();
        onEventLoop(() -> {
            handshakeTimer.cancel(false);
            if (heartbeat > 0 && channel.isActive()) {
                channel.pipeline().addBefore("connection", "idle",
                        new IdleStateHandler(3 * heartbeat, heartbeat, 0, TimeUnit.MILLISECONDS));
            }
            channel.writeAndFlush(new Handshake.Connected(FrameCodec.PROTOCOL_VERSION, info, heartbeat,
                    config.maxFrameSize()).toFrame(correlationId));
        });
        LOG.info("connection {} opened from {} for user {}", info.connectionId(), remote, connect.username());
    }

    /** Queues a frame for the client from any thread; disconnects a client that lets too much pile up. */
    void write(Frame frame) {
        if (closed || abandoned || !channel.isActive()) {
            return;
        }
        if (!channel.isWritable() && channel.bytesBeforeWritable() > config.maxPendingWriteBytes()) {
            abandoned = true;
            LOG.warn("closing connection from {}: client is not reading, more than {} bytes queued for it",
                    remote, config.maxPendingWriteBytes());
            channel.close();
            return;
        }
        outbox.write(frame);
    }

    /** Writes a last frame and closes the socket (from any thread). */
    void writeAndClose(Frame frame) {
        if (!channel.isActive()) {
            return;
        }
        onEventLoop(() -> {
            outbox.drain();
            channel.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE);
            // a client that does not read would hold the close back forever
            channel.eventLoop().schedule(() -> channel.close(), config.writeStallTimeoutMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Runs on the channel's event loop; once that has stopped (server closing) the channel is closed too. */
    private void onEventLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("event loop of {} stopped; {} not run", remote, task);
            channel.close();
        }
    }

    /** Reads only while the client reads us and the broker keeps up with its requests (event loop). */
    private void updateAutoRead() {
        boolean read = channel.isWritable() && serial.queued() < config.maxQueuedRequests();
        if (channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!channel.isWritable()) {
            if (stallTimer == null) {
                stallTimer = ctx.executor().schedule(() -> {
                    if (!channel.isWritable()) {
                        LOG.warn("closing connection from {}: client has not read for {} ms, {} bytes queued for it",
                                remote, config.writeStallTimeoutMillis(), channel.bytesBeforeWritable());
                        ctx.close();
                    }
                }, config.writeStallTimeoutMillis(), TimeUnit.MILLISECONDS);
            }
        } else if (stallTimer != null) {
            stallTimer.cancel(false);
            stallTimer = null;
        }
        updateAutoRead();
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.WRITER_IDLE) {
                ctx.writeAndFlush(Frame.empty(FrameType.PING, 0));
            } else if (idle.state() == IdleState.READER_IDLE && channel.config().isAutoRead()) {
                // silence while we deliberately stopped reading is ours, not the client's
                LOG.warn("closing connection from {}: no traffic for {} ms (3 heartbeat intervals)", remote,
                        ctx.pipeline().get(IdleStateHandler.class).getReaderIdleTimeInMillis());
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable root = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (root instanceof WireProtocolException wire) {
            protocolError(ctx, wire);
        } else if (root instanceof SSLException) {
            LOG.warn("closing connection from {}: TLS failure: {}", remote, root.getMessage());
            ctx.close();
        } else if (root instanceof IOException) {
            LOG.warn("closing connection from {}: {}", remote, root.getMessage());
            ctx.close();
        } else {
            LOG.warn("closing connection from {}: unexpected failure", remote, cause);
            ctx.close();
        }
    }

    private void protocolError(ChannelHandlerContext ctx, WireProtocolException e) {
        LOG.warn("closing connection from {}: protocol error: {}", remote, e.getMessage());
        if (channel.isActive()) {
            // tell the client why; the socket closes right after, whether it reads this or not
            ctx.writeAndFlush(new ErrorPayload(JMSException.class.getName(), "protocol error: " + e.getMessage(), null)
                    .toFrame(0));
        }
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closed = true;
        if (handshakeTimer != null) {
            handshakeTimer.cancel(false);
        }
        if (stallTimer != null) {
            stallTimer.cancel(false);
        }
        serial.execute(() -> {
            BrokerConnection current = broker;
            if (current != null) {
                current.close();
                LOG.info("connection {} from {} closed", current.info().connectionId(), remote);
            }
        });
        super.channelInactive(ctx);
    }

    /** Tells the client the broker is going away, then closes (used when the server stops). */
    void shutdown(String reason) {
        writeAndClose(new dev.petrel.protocol.wire.Callback.ConnectionFailed(
                new ErrorPayload(JMSException.class.getName(), reason, null)).toFrame());
    }

    private URI uri() {
        InetSocketAddress address = (InetSocketAddress) channel.remoteAddress();
        try {
            return new URI(config.tls() ? "ssl" : "tcp", null, address.getHostString(), address.getPort(), null, null, null);
        } catch (URISyntaxException e) {
            throw new java.lang.IllegalStateException("cannot form a URI for " + address, e);
        }
    }

    private static String describe(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress a ? a.getHostString() + ":" + a.getPort()
                : String.valueOf(channel.remoteAddress());
    }
}
