package dev.petrel.protocol.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameCodecTest {

    private static ByteBuf encoded(Frame frame) {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.encode(frame, out);
        return out;
    }

    @Test
    void frameSurvivesEncodeAndDecode() throws Exception {
        Frame frame = Frame.of(FrameType.COMMIT, 42, new byte[] {1, 2, 3});
        Frame decoded = FrameCodec.decode(encoded(frame), FrameCodec.DEFAULT_MAX_FRAME_SIZE);
        assertEquals(FrameType.COMMIT, decoded.type());
        assertEquals(42, decoded.correlationId());
        assertArrayEquals(new byte[] {1, 2, 3}, decoded.payload());
    }

    @Test
    void incompleteFrameDecodesToNullAndConsumesNothing() throws Exception {
        ByteBuf whole = encoded(Frame.of(FrameType.PULL, 1, new byte[8]));
        ByteBuf part = whole.slice(0, whole.readableBytes() - 1);
        assertNull(FrameCodec.decode(part, 1024));
        assertEquals(0, part.readerIndex());
    }

    @Test
    void declaredLengthAboveMaximumIsRejectedBeforeThePayloadArrives() {
        ByteBuf header = Unpooled.buffer().writeInt(Integer.MAX_VALUE);
        WireProtocolException e = assertThrows(WireProtocolException.class, () -> FrameCodec.decode(header, 1024));
        assertTrue(e.getMessage().contains("2147483647") && e.getMessage().contains("1024"), e.getMessage());
    }

    @Test
    void declaredLengthWithTheTopBitSetIsTooLargeNotNegative() {
        ByteBuf header = Unpooled.buffer().writeInt(0xFFFFFFFF);
        WireProtocolException e = assertThrows(WireProtocolException.class, () -> FrameCodec.decode(header, 1024));
        assertTrue(e.getMessage().contains("4294967295"), e.getMessage());
    }

    @Test
    void declaredLengthShorterThanTheHeaderIsRejected() {
        ByteBuf header = Unpooled.buffer().writeInt(3).writeBytes(new byte[3]);
        assertThrows(WireProtocolException.class, () -> FrameCodec.decode(header, 1024));
    }

    @Test
    void unknownFrameTypeIsRejected() {
        ByteBuf frame = Unpooled.buffer().writeInt(10).writeByte(0x7F).writeByte(0).writeLong(1);
        WireProtocolException e = assertThrows(WireProtocolException.class, () -> FrameCodec.decode(frame, 1024));
        assertTrue(e.getMessage().contains("0x7F"), e.getMessage());
    }

    @Test
    void preambleWithWrongMagicIsRejectedNamingTheBytes() {
        ByteBuf in = Unpooled.wrappedBuffer("GET / HTTP/1.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        WireProtocolException e = assertThrows(WireProtocolException.class, () -> FrameCodec.readPreamble(in));
        assertTrue(e.getMessage().contains("47 45 54 20"), e.getMessage());
    }

    @Test
    void preambleCarriesTheVersion() throws Exception {
        ByteBuf out = Unpooled.buffer();
        FrameCodec.writePreamble(out, 7);
        assertEquals(7, FrameCodec.readPreamble(out));
    }
}
