package dev.petrel.broker.server;

import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.wire.ErrorPayload;
import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.Request;
import dev.petrel.protocol.wire.Responses;
import jakarta.jms.JMSException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * Turns one decoded request into the matching {@link BrokerConnection} call and its result into the
 * response frame: OK (PULL: a boolean, BROWSE_NEXT: the messages, XA_PREPARE: the vote, XA_RECOVER: the
 * xids), or ERROR with the JMS exception.
 * GRANT_CREDIT is not answered; SEND and ACKNOWLEDGE are answered when the broker's stage completes
 * (the acknowledged deliveries leave the session at once, so later requests already see that). Runs on the
 * connection's serial executor, or for the requests that never wait on the event loop (see
 * {@code ServerConnection.runsInline}); stateless apart from its configuration.
 */
final class RequestDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final String remote;
    private final int maxFrameSize;

    RequestDispatcher(String remote, int maxFrameSize) {
        this.remote = remote;
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Calls the broker for {@code request}. {@code reply} writes a response; {@code disconnected} is
     * given DISCONNECT's OK, after which the server closes the socket.
     */
    void dispatch(BrokerConnection broker, Request request, long correlationId, Consumer<Frame> reply,
                  Consumer<Frame> disconnected) {
        try {
            switch (request.type()) {
                case SEND -> {
                    Request.Send send = (Request.Send) request;
                    broker.send(send.sessionId(), send.message()).whenComplete((ignored, failure) ->
                            reply.accept(failure == null ? Responses.ok(correlationId)
                                    : error(request, correlationId, failure)));
                }
                case ACKNOWLEDGE -> {
                    Request.Acknowledge ack = (Request.Acknowledge) request;
                    broker.acknowledgeAsync(ack.sessionId(), ack.deliveryIds()).whenComplete((ignored, failure) ->
                            reply.accept(failure == null ? Responses.ok(correlationId)
                                    : error(request, correlationId, failure)));
                }
                case GRANT_CREDIT -> {
                    Request.GrantCredit credit = (Request.GrantCredit) request;
                    broker.grantCredit(credit.consumerId(), credit.messages());
                }
                case PULL -> reply.accept(Responses.pulled(correlationId,
                        broker.pull(((Request.Pull) request).consumerId())));
                case BROWSE_NEXT -> {
                    Request.BrowseNext next = (Request.BrowseNext) request;
                    Frame answer = Responses.browsed(correlationId, broker.browseNext(next.browserId(), next.max()));
                    if ((long) FrameCodec.HEADER_LENGTH + answer.payload().length > maxFrameSize) {
                        throw new JMSException("BROWSE_NEXT answer of " + answer.payload().length
                                + " bytes exceeds the maximum frame size " + maxFrameSize + ": ask for fewer messages");
                    }
                    reply.accept(answer);
                }
                case XA_PREPARE -> reply.accept(Responses.prepared(correlationId,
                        broker.xaPrepare(((Request.XaPrepare) request).xid())));
                case XA_RECOVER -> reply.accept(Responses.recovered(correlationId, broker.xaRecover()));
                case DISCONNECT -> {
                    broker.close();
                    disconnected.accept(Responses.ok(correlationId));
                }
                default -> {
                    callVoid(broker, request);
                    reply.accept(Responses.ok(correlationId));
                }
            }
        } catch (JMSException | RuntimeException e) {
            reply.accept(error(request, correlationId, e));
        }
    }

    private static void callVoid(BrokerConnection broker, Request request) throws JMSException {
        if (request instanceof Request.SetClientId r) {
            broker.setClientId(r.clientId());
        } else if (request instanceof Request.CreateSession r) {
            broker.createSession(r.sessionId(), r.acknowledgeMode());
        } else if (request instanceof Request.CloseSession r) {
            broker.closeSession(r.sessionId(), r.seenByApplication());
        } else if (request instanceof Request.CreateConsumer r) {
            broker.createConsumer(r.sessionId(), r.consumerId(), r.spec());
        } else if (request instanceof Request.CloseConsumer r) {
            broker.closeConsumer(r.consumerId(), r.notSeen());
        } else if (request instanceof Request.Commit r) {
            broker.commit(r.sessionId(), r.consumed());
        } else if (request instanceof Request.Rollback r) {
            broker.rollback(r.sessionId(), r.consumed(), r.notSeen());
        } else if (request instanceof Request.Recover r) {
            broker.recover(r.sessionId(), r.unacknowledged(), r.notSeen());
        } else if (request instanceof Request.Unsubscribe r) {
            broker.unsubscribe(r.subscriptionName());
        } else if (request instanceof Request.CreateTemporaryDestination r) {
            broker.createTemporaryDestination(r.destination());
        } else if (request instanceof Request.DeleteTemporaryDestination r) {
            broker.deleteTemporaryDestination(r.destination());
        } else if (request instanceof Request.CheckDestination r) {
            broker.checkDestination(r.destination());
        } else if (request instanceof Request.OpenBrowser r) {
            broker.openBrowser(r.sessionId(), r.browserId(), r.queue(), r.selector());
        } else if (request instanceof Request.CloseBrowser r) {
            broker.closeBrowser(r.browserId());
        } else if (request instanceof Request.XaStart r) {
            broker.xaStart(r.sessionId(), r.xid(), r.flags(), r.timeoutSeconds());
        } else if (request instanceof Request.XaEnd r) {
            broker.xaEnd(r.sessionId(), r.xid(), r.flags());
        } else if (request instanceof Request.XaCommit r) {
            broker.xaCommit(r.xid(), r.onePhase());
        } else if (request instanceof Request.XaRollback r) {
            broker.xaRollback(r.xid());
        } else if (request instanceof Request.XaForget r) {
            broker.xaForget(r.xid());
        } else {
            throw new java.lang.IllegalStateException("no dispatch for " + request.type());
        }
    }

    private Frame error(Request request, long correlationId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof JMSException jms) {
            return ErrorPayload.of(jms).toFrame(correlationId);
        }
        LOG.warn("broker failed on {} from {}", request.type(), remote, cause);
        return new ErrorPayload(JMSException.class.getName(),
                "broker failed on " + request.type() + ": " + cause, null).toFrame(correlationId);
    }
}
