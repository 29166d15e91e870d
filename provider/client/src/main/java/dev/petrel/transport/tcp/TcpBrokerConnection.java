package dev.petrel.transport.tcp;

import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.ClientHandler;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.protocol.wire.ErrorPayload;
import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.Handshake;
import dev.petrel.protocol.wire.Request;
import dev.petrel.protocol.wire.Responses;
import dev.petrel.protocol.wire.WireProtocolException;
import dev.petrel.transport.ConnectRequest;
import io.netty.channel.Channel;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link BrokerConnection} over TCP or TLS: every call becomes a request frame; blocking calls wait
 * for the matching OK or ERROR (correlation ids, {@link PendingRequests}); {@link #send} returns at
 * once with a stage completed by the response, but waits while {@code producerWindow} sends are
 * already in flight, so a slow broker slows its producers instead of filling the heap;
 * {@link #acknowledgeAsync} returns at once too (its caller, the session, keeps at most a few in flight).
 *
 * <p>Threading: every method may be called from any application thread, never from a client I/O
 * thread (where the {@link ClientHandler} callbacks run; they are shared by all TCP connections, see
 * {@link SharedClientEventLoops}): a blocking call from there fails with {@code IllegalStateException}
 * instead of deadlocking. The stages {@link #send} and {@link #acknowledgeAsync} return complete
 * on that I/O thread too: whoever runs application code on completion (a JMS
 * {@code CompletionListener}) must hand it to another thread. {@link ClientChannel} owns the socket.
 */
public final class TcpBrokerConnection implements BrokerConnection {

    private static final Logger LOG = LoggerFactory.getLogger(TcpBrokerConnection.class);
    private static final long CLOSE_WAIT_MILLIS = 10_000;

    private final TcpClientOptions options;
    private final ClientChannel channel;
    private final PendingRequests pending;
    private final Semaphore sendWindow;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConnectionInfo info;
    private final int serverMaxFrameSize;

    private TcpBrokerConnection(TcpClientOptions options, ClientChannel channel, Handshake.Connected connected) {
        this.options = options;
        this.channel = channel;
        this.pending = channel.pending();
        this.sendWindow = new Semaphore(options.producerWindow());
        this.info = connected.info();
        this.serverMaxFrameSize = connected.maxFrameSize();
    }

    /** Connects, sends the preamble and CONNECT, and returns once the broker answered CONNECTED. */
    static TcpBrokerConnection open(TcpClientOptions options, ConnectRequest request, ClientHandler handler)
            throws JMSException {
        ClientChannel channel = ClientChannel.connect(options, handler);
        try {
            PendingRequests.Registration registration = channel.pending().register();
            channel.writePreambleAndConnect(new Handshake.Connect(request.username(), request.password(),
                    options.heartbeatMillis(), options.forwarded()).toFrame(registration.correlationId()));
            Frame answer = await(registration.future(), options.connectTimeoutMillis() + 10_000L, "CONNECT", options);
            Handshake.Connected connected;
            try {
                connected = Handshake.Connected.decode(answer);
            } catch (WireProtocolException e) {
                throw new JMSException("broker at " + options.address() + " answered CONNECT badly: " + e.getMessage());
            }
            if (connected.protocolVersion() != FrameCodec.PROTOCOL_VERSION) {
                throw new JMSException("broker at " + options.address() + " speaks protocol version "
                        + connected.protocolVersion() + ", this client " + FrameCodec.PROTOCOL_VERSION);
            }
            channel.established(connected.heartbeatMillis());
            return new TcpBrokerConnection(options, channel, connected);
        } catch (JMSException | RuntimeException e) {
            channel.shutdown();
            throw e;
        }
    }

    @Override
    public ConnectionInfo info() {
        return info;
    }

    @Override
    public void setClientId(String clientId) throws JMSException {
        call(new Request.SetClientId(clientId));
    }

    @Override
    public void createSession(long sessionId, int acknowledgeMode) throws JMSException {
        call(new Request.CreateSession(sessionId, acknowledgeMode));
    }

    @Override
    public void closeSession(long sessionId, List<Long> seenByApplication) throws JMSException {
        call(new Request.CloseSession(sessionId, seenByApplication));
    }

    @Override
    public CompletionStage<Void> send(long sessionId, MessageData message) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        Frame frame;
        try {
            checkOpen();
            frame = new Request.Send(sessionId, message).toFrame(0);
            checkSize(frame);
            if (channel.inIoThread()) {
                // the I/O thread completes sends: waiting here for a window slot would never end
                if (!sendWindow.tryAcquire()) {
                    throw new IllegalStateException("send from the connection's I/O thread (a ClientHandler callback) with all "
                            + options.producerWindow() + " window slots in flight would deadlock");
                }
            } else {
                acquireWindow();
            }
        } catch (JMSException e) {
            result.completeExceptionally(e);
            return result;
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(linked(new MessageFormatException("cannot encode message: " + e.getMessage()), e));
            return result;
        }
        CompletableFuture<Frame> response = issue(frame);
        response.whenComplete((answer, failure) -> {
            sendWindow.release();
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(null);
            }
        });
        return result;
    }

    @Override
    public void createConsumer(long sessionId, long consumerId, ConsumerSpec spec) throws JMSException {
        call(new Request.CreateConsumer(sessionId, consumerId, spec));
    }

    @Override
    public void closeConsumer(long consumerId, List<Long> notSeen) throws JMSException {
        call(new Request.CloseConsumer(consumerId, notSeen));
    }

    @Override
    public void grantCredit(long consumerId, int messages) {
        if (closed.get() || pending.failure() != null) {
            LOG.debug("credit {} for consumer {} dropped: connection to {} is closed", messages, consumerId,
                    options.address());
            return;
        }
        channel.write(new Request.GrantCredit(consumerId, messages).toFrame(0));
    }

    @Override
    public boolean pull(long consumerId) throws JMSException {
        Frame answer = call(new Request.Pull(consumerId));
        try {
            return Responses.readPulled(answer);
        } catch (WireProtocolException e) {
            throw channel.protocolFailure(e);
        }
    }

    /** Writes ACKNOWLEDGE and returns at once; the stage completes (on the I/O thread) with the broker's OK or ERROR. */
    @Override
    public CompletionStage<Void> acknowledgeAsync(long sessionId, List<Long> deliveryIds) {
        Frame frame;
        try {
            checkOpen();
            frame = new Request.Acknowledge(sessionId, deliveryIds).toFrame(0);
            checkSize(frame);
        } catch (JMSException e) {
            return CompletableFuture.failedFuture(e);
        }
        return issue(frame).thenApply(answer -> null);
    }

    @Override
    public void commit(long sessionId, List<Long> consumed) throws JMSException {
        call(new Request.Commit(sessionId, consumed));
    }

    @Override
    public void rollback(long sessionId, List<Long> consumed, List<Long> notSeen) throws JMSException {
        call(new Request.Rollback(sessionId, consumed, notSeen));
    }

    @Override
    public void recover(long sessionId, List<Long> unacknowledged, List<Long> notSeen) throws JMSException {
        call(new Request.Recover(sessionId, unacknowledged, notSeen));
    }

    @Override
    public void unsubscribe(String subscriptionName) throws JMSException {
        call(new Request.Unsubscribe(subscriptionName));
    }

    @Override
    public void createTemporaryDestination(DestinationRef destination) throws JMSException {
        call(new Request.CreateTemporaryDestination(destination));
    }

    @Override
    public void deleteTemporaryDestination(DestinationRef destination) throws JMSException {
        call(new Request.DeleteTemporaryDestination(destination));
    }

    @Override
    public void checkDestination(DestinationRef destination) throws JMSException {
        call(new Request.CheckDestination(destination));
    }

    @Override
    public void openBrowser(long sessionId, long browserId, DestinationRef queue, String selector) throws JMSException {
        call(new Request.OpenBrowser(sessionId, browserId, queue, selector));
    }

    @Override
    public List<MessageData> browseNext(long browserId, int max) throws JMSException {
        Frame answer = call(new Request.BrowseNext(browserId, max));
        try {
            return Responses.readBrowsed(answer);
        } catch (WireProtocolException e) {
            throw channel.protocolFailure(e);
        }
    }

    @Override
    public void closeBrowser(long browserId) throws JMSException {
        call(new Request.CloseBrowser(browserId));
    }

    @Override
    public void xaStart(long sessionId, PetrelXid xid, int flags, int timeoutSeconds) throws JMSException {
        call(new Request.XaStart(sessionId, xid, flags, timeoutSeconds));
    }

    @Override
    public void xaEnd(long sessionId, PetrelXid xid, int flags) throws JMSException {
        call(new Request.XaEnd(sessionId, xid, flags));
    }

    @Override
    public int xaPrepare(PetrelXid xid) throws JMSException {
        Frame answer = call(new Request.XaPrepare(xid));
        try {
            return Responses.readPrepared(answer);
        } catch (WireProtocolException e) {
            throw channel.protocolFailure(e);
        }
    }

    @Override
    public void xaCommit(PetrelXid xid, boolean onePhase) throws JMSException {
        call(new Request.XaCommit(xid, onePhase));
    }

    @Override
    public void xaRollback(PetrelXid xid) throws JMSException {
        call(new Request.XaRollback(xid));
    }

    @Override
    public List<PetrelXid> xaRecover() throws JMSException {
        Frame answer = call(new Request.XaRecover());
        try {
            return Responses.readRecovered(answer);
        } catch (WireProtocolException e) {
            throw channel.protocolFailure(e);
        }
    }

    @Override
    public void xaForget(PetrelXid xid) throws JMSException {
        call(new Request.XaForget(xid));
    }

    /**
     * Tells the broker (DISCONNECT, waiting up to 10 s for its OK unless called on the I/O thread),
     * then closes the socket and the I/O thread. Requests still waiting fail with
     * {@code IllegalStateException}. Never reports {@code connectionFailed}. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channel.closing();
        if (pending.failure() == null) {
            CompletableFuture<Frame> answer = issue(new Request.Disconnect().toFrame(0));
            if (!channel.inIoThread()) {
                try {
                    answer.get(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    LOG.warn("interrupted while closing the connection to {}; closing the socket now", options.address());
                } catch (ExecutionException | TimeoutException e) {
                    LOG.warn("broker at {} did not confirm DISCONNECT ({}); closing the socket anyway",
                            options.address(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
                }
            }
        }
        pending.failAll(new IllegalStateException("connection to " + options.address() + " is closed"));
        channel.shutdown();
    }

    private Frame call(Request request) throws JMSException {
        checkOpen();
        if (channel.inIoThread()) {
            throw new IllegalStateException("blocking call " + request.type()
                    + " from the connection's I/O thread (a ClientHandler callback) would deadlock");
        }
        Frame frame = request.toFrame(0);
        checkSize(frame);
        return await(issue(frame), 0, request.type().toString(), options);
    }

    /** Registers a correlation id for {@code frame}'s request and writes it with that id. */
    private CompletableFuture<Frame> issue(Frame frame) {
        PendingRequests.Registration registration = pending.register();
        if (!registration.future().isDone()) {
            channel.write(new Frame(frame.type(), frame.flags(), registration.correlationId(), frame.payload()));
        }
        return registration.future();
    }

    private void acquireWindow() throws JMSException {
        try {
            while (!sendWindow.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                checkOpen();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted while waiting for one of " + options.producerWindow()
                    + " in-flight sends to " + options.address() + " to complete");
        }
    }

    private void checkOpen() throws JMSException {
        if (closed.get()) {
            throw new IllegalStateException("connection to " + options.address() + " is closed");
        }
        JMSException failure = pending.failure();
        if (failure != null) {
            throw copy(failure);
        }
    }

    private void checkSize(Frame frame) throws JMSException {
        long size = (long) FrameCodec.HEADER_LENGTH + frame.payload().length;
        if (size > serverMaxFrameSize) {
            throw new JMSException(frame.type() + " frame of " + size + " bytes exceeds the broker's maximum frame size "
                    + serverMaxFrameSize);
        }
    }

    private static Frame await(CompletableFuture<Frame> future, long timeoutMillis, String what,
                               TcpClientOptions options) throws JMSException {
        try {
            return timeoutMillis > 0 ? future.get(timeoutMillis, TimeUnit.MILLISECONDS) : future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JMSException("interrupted while waiting for the broker at " + options.address()
                    + " to answer " + what);
        } catch (TimeoutException e) {
            throw new JMSException("broker at " + options.address() + " did not answer " + what + " within "
                    + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof JMSException jms) {
                throw copy(jms);
            }
            throw linked(new JMSException("request " + what + " to " + options.address() + " failed: " + e.getCause()),
                    e.getCause());
        }
    }

    /** The same exception type and message with this thread's stack (the original is linked). */
    private static JMSException copy(JMSException original) {
        JMSException copy = new ErrorPayload(ErrorPayload.of(original).exceptionClass(), original.getMessage(),
                original.getErrorCode()).toException();
        return linked(copy, original);
    }

    private static <T extends JMSException> T linked(T exception, Throwable cause) {
        if (cause instanceof Exception e) {
            exception.setLinkedException(e);
        }
        exception.initCause(cause);
        return exception;
    }

    @Override
    public String toString() {
        return "TcpBrokerConnection[" + options.address() + ", " + info.connectionId() + "]";
    }
}
