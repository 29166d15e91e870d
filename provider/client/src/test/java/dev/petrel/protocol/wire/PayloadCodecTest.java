package dev.petrel.protocol.wire;

import dev.petrel.message.MessageData;
import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.Delivery;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadCodecTest {

    @Test
    void everyRequestDecodesToTheSameRequest() throws Exception {
        for (Request request : WireSamples.requests()) {
            Frame frame = request.toFrame(9);
            Request decoded = Request.decode(frame);
            assertEquals(request.type(), decoded.type());
            assertArrayEquals(frame.payload(), decoded.toFrame(9).payload(), request.type().toString());
            if (!(request instanceof Request.Send)) {
                assertEquals(request, decoded);
            }
        }
    }

    @Test
    void sentMessageKeepsItsFields() throws Exception {
        MessageData message = WireSamples.message("body");
        Request.Send decoded = (Request.Send) Request.decode(new Request.Send(3, message).toFrame(1));
        assertEquals(3, decoded.sessionId());
        assertEquals(message.messageId(), decoded.message().messageId());
        assertEquals(message.properties(), decoded.message().properties());
        assertEquals("body", new String(decoded.message().body(), StandardCharsets.UTF_8));
    }

    @Test
    void deliveryCallbackKeepsCountAndRedeliveredFlag() throws Exception {
        Delivery delivery = new Delivery(4, 99, WireSamples.message("x"), 3, true);
        Callback.Deliver decoded = (Callback.Deliver) Callback.decode(new Callback.Deliver(delivery).toFrame());
        assertEquals(4, decoded.delivery().consumerId());
        assertEquals(99, decoded.delivery().deliveryId());
        assertEquals(3, decoded.delivery().deliveryCount());
        assertTrue(decoded.delivery().redelivered());
    }

    @Test
    void handshakeFramesKeepTheirFields() throws Exception {
        Handshake.Connect connect = new Handshake.Connect("u", null, 500, Map.of("prefetch", "10"));
        assertEquals(connect, Handshake.Connect.decode(connect.toFrame(1)));
        Handshake.Connected connected = new Handshake.Connected(1, new ConnectionInfo("c", "b", "v"), 500, 2048);
        assertEquals(connected, Handshake.Connected.decode(connected.toFrame(1)));
    }

    @Test
    void browseAnswerKeepsEveryMessageInOrder() throws Exception {
        List<MessageData> messages = Responses.readBrowsed(Responses.browsed(1,
                List.of(WireSamples.message("a"), WireSamples.message("b"))));
        assertEquals(List.of("ID:wire-a", "ID:wire-b"), messages.stream().map(MessageData::messageId).toList());
    }

    @Test
    void heartbeatNegotiationTakesTheSmallerInterval() {
        assertEquals(100, Handshake.negotiateHeartbeat(100, 10_000));
        assertEquals(100, Handshake.negotiateHeartbeat(10_000, 100));
    }

    @Test
    void heartbeatNegotiationDisablesHeartbeatsWhenEitherSideDoes() {
        assertEquals(0, Handshake.negotiateHeartbeat(0, 10_000));
        assertEquals(0, Handshake.negotiateHeartbeat(100, 0));
    }

    @Test
    void listCountLargerThanThePayloadIsRejectedWithoutAllocating() {
        byte[] payload = new PayloadWriter().writeLong(1).writeInt(Integer.MAX_VALUE).toByteArray();
        WireProtocolException e = assertThrows(WireProtocolException.class,
                () -> Request.decode(Frame.of(FrameType.ACKNOWLEDGE, 1, payload)));
        assertTrue(e.getMessage().startsWith("ACKNOWLEDGE frame: list of 2147483647 longs"), e.getMessage());
    }

    @Test
    void trailingBytesAfterAPayloadAreRejected() {
        byte[] payload = new PayloadWriter().writeLong(1).writeByte(0).toByteArray();
        WireProtocolException e = assertThrows(WireProtocolException.class,
                () -> Request.decode(Frame.of(FrameType.PULL, 1, payload)));
        assertTrue(e.getMessage().contains("1 unexpected bytes"), e.getMessage());
    }

    @Test
    void invalidUtf8StringIsRejected() {
        byte[] payload = new PayloadWriter().writeBytes(new byte[] {(byte) 0xC3, 0x28}).toByteArray();
        assertThrows(WireProtocolException.class, () -> Request.decode(Frame.of(FrameType.SET_CLIENT_ID, 1, payload)));
    }

    @Test
    void responseFrameDecodedAsRequestIsRejected() {
        WireProtocolException e = assertThrows(WireProtocolException.class, () -> Request.decode(Responses.ok(1)));
        assertTrue(e.getMessage().contains("not a request"), e.getMessage());
    }

    @Test
    void encodedFrameStartsWithItsLengthAndHeader() {
        Frame frame = new Request.Pull(5).toFrame(77);
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(frame, out);
        assertEquals(18, out.readInt());
        assertEquals(FrameType.PULL.code(), out.readByte());
        assertEquals(0, out.readByte());
        assertEquals(77, out.readLong());
        assertEquals(5, out.readLong());
    }
}
