package dev.petrel.protocol.wire;

import dev.petrel.message.BodyType;
import dev.petrel.message.DestinationRef;
import dev.petrel.message.MessageData;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.ConsumerSpec;
import dev.petrel.protocol.Delivery;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid frames of every type, for round-trip and fuzz tests. */
final class WireSamples {

    private WireSamples() {
    }

    static MessageData message(String text) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("color", "red");
        properties.put("count", 7);
        return new MessageData("ID:wire-" + text, 1_700_000_000_000L, "corr", null, DestinationRef.queue("replies"),
                DestinationRef.queue("orders"), DeliveryMode.PERSISTENT, 4, 0, 0, "type", properties,
                BodyType.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    static final dev.petrel.protocol.PetrelXid XID = new dev.petrel.protocol.PetrelXid(7,
            new byte[]{1, 2, 3}, new byte[]{4});

    static List<Request> requests() {
        DestinationRef queue = DestinationRef.queue("orders");
        DestinationRef temp = new DestinationRef(DestinationRef.Kind.TEMPORARY_QUEUE, "tmp-1");
        return List.of(
                new Request.SetClientId("client-1"),
                new Request.CreateSession(1, Session.SESSION_TRANSACTED),
                new Request.CloseSession(1, List.of(5L, 6L)),
                new Request.Send(1, message("hello")),
                new Request.CreateConsumer(1, 2, new ConsumerSpec(DestinationRef.topic("news"), "color = 'red'",
                        true, "sub", true, false, 100)),
                new Request.CloseConsumer(2, List.of(9L)),
                new Request.GrantCredit(2, 50),
                new Request.Pull(2),
                new Request.Acknowledge(1, List.of(1L, 2L, 3L)),
                new Request.Commit(1, List.of(4L)),
                new Request.Rollback(1, List.of(4L), List.of(5L)),
                new Request.Recover(1, List.of(7L), List.of()),
                new Request.Unsubscribe("sub"),
                new Request.CreateTemporaryDestination(temp),
                new Request.DeleteTemporaryDestination(temp),
                new Request.CheckDestination(queue),
                new Request.OpenBrowser(1, 3, queue, null),
                new Request.BrowseNext(3, 10),
                new Request.CloseBrowser(3),
                new Request.XaStart(1, XID, javax.transaction.xa.XAResource.TMNOFLAGS, 30),
                new Request.XaEnd(1, XID, javax.transaction.xa.XAResource.TMSUCCESS),
                new Request.XaPrepare(XID),
                new Request.XaCommit(XID, false),
                new Request.XaRollback(XID),
                new Request.XaRecover(),
                new Request.XaForget(XID),
                new Request.Disconnect());
    }

    static List<Frame> allFrames() {
        List<Frame> frames = new ArrayList<>();
        long id = 1;
        for (Request request : requests()) {
            frames.add(request.toFrame(id++));
        }
        frames.add(new Handshake.Connect("user", "secret", 10_000, Map.of("prefetch", "100")).toFrame(id++));
        frames.add(new Handshake.Connected(1, new ConnectionInfo("c-1", "broker", "0.1"), 10_000, 1 << 24).toFrame(id++));
        frames.add(Frame.empty(FrameType.PING, 0));
        frames.add(Responses.ok(id++));
        frames.add(Responses.pulled(id++, true));
        frames.add(Responses.browsed(id++, List.of(message("a"), message("b"))));
        frames.add(ErrorPayload.of(new InvalidDestinationException("no such queue", "E1")).toFrame(id++));
        frames.add(new Callback.Deliver(new Delivery(2, 77, message("delivered"), 2, true)).toFrame());
        frames.add(new Callback.ConsumerClosed(2, ErrorPayload.of(new InvalidDestinationException("gone"))).toFrame());
        frames.add(new Callback.ConnectionFailed(ErrorPayload.of(new jakarta.jms.JMSException("bye"))).toFrame());
        return frames;
    }

    /**
     * Decodes a frame's payload by its type with the decoder the receiving side uses; OK frames are
     * tried as every OK payload. Throws only what those decoders throw.
     */
    static Object decodePayload(Frame frame) throws WireProtocolException {
        return switch (frame.type()) {
            case CONNECT -> Handshake.Connect.decode(frame);
            case CONNECTED -> Handshake.Connected.decode(frame);
            case ERROR -> ErrorPayload.decode(frame);
            case PING -> frame;
            case OK -> {
                if (frame.payload().length == 0) {
                    yield frame;
                }
                try {
                    yield Responses.readPulled(frame);
                } catch (WireProtocolException notPulled) {
                    yield Responses.readBrowsed(frame);
                }
            }
            case DELIVER, CONSUMER_CLOSED, CONNECTION_FAILED -> Callback.decode(frame);
            default -> Request.decode(frame);
        };
    }
}
