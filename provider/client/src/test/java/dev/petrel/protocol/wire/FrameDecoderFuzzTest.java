package dev.petrel.protocol.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random mutations of valid frame streams through the frame decoder and every payload
 * decoder: each input must decode, wait for more bytes, or fail with a {@link WireProtocolException}
 * — never another exception — and no frame larger than the maximum may ever be materialised.
 */
class FrameDecoderFuzzTest {

    private static final long SEED = 0x5EED_F00DL;
    private static final int INPUTS = 20_000;
    private static final int MAX_FRAME = 4096;

    private final List<byte[]> valid = validEncodings();

    @Test
    void mutatedFramesOnlyEverFailWithAProtocolError() {
        Random random = new Random(SEED);
        int protocolErrors = 0;
        for (int i = 0; i < INPUTS; i++) {
            byte[] input = mutate(random);
            try {
                decodeAll(input);
            } catch (WireProtocolException expected) {
                protocolErrors++;
            } catch (Throwable unexpected) {
                throw new AssertionError("input #" + i + " (seed " + SEED + ") threw " + unexpected, unexpected);
            }
        }
        assertTrue(protocolErrors > INPUTS / 10, "mutations should mostly be caught, got " + protocolErrors);
    }

    @Test
    void mutatedInputThroughTheNettyDecoderRaisesOnlyWrappedProtocolErrors() {
        Random random = new Random(SEED + 1);
        for (int i = 0; i < 2_000; i++) {
            EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX_FRAME));
            byte[] input = mutate(random);
            try {
                channel.writeInbound(Unpooled.wrappedBuffer(input));
                Object frame;
                while ((frame = channel.readInbound()) != null) {
                    assertTrue(((Frame) frame).payload().length <= MAX_FRAME);
                }
                channel.finish(); // the end of the stream: an unfinished frame is reported here
            } catch (DecoderException e) {
                assertInstanceOf(WireProtocolException.class, e.getCause(), "input #" + i);
            } finally {
                channel.releaseInbound();
                channel.releaseOutbound();
            }
        }
    }

    @Test
    void everyUnmutatedFrameDecodes() throws Exception {
        for (byte[] input : valid) {
            assertFalse(decodeAll(input).isEmpty());
        }
    }

    /** Decodes frames and their payloads; returns the frames; null-safe on incomplete input. */
    private static List<Frame> decodeAll(byte[] input) throws WireProtocolException {
        ByteBuf in = Unpooled.wrappedBuffer(input);
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        while ((frame = FrameCodec.decode(in, MAX_FRAME)) != null) {
            if (frame.payload().length > MAX_FRAME) {
                fail("materialised a payload of " + frame.payload().length + " bytes over the " + MAX_FRAME + " maximum");
            }
            WireSamples.decodePayload(frame);
            frames.add(frame);
        }
        if (in.readableBytes() >= 4) {
            long declared = in.getUnsignedInt(in.readerIndex());
            assertTrue(declared <= MAX_FRAME && declared >= FrameCodec.HEADER_LENGTH,
                    "decoder waits for a frame whose declared length " + declared + " it should have rejected");
        }
        return frames;
    }

    private byte[] mutate(Random random) {
        byte[] base = valid.get(random.nextInt(valid.size())).clone();
        int kind = random.nextInt(7);
        switch (kind) {
            case 0 -> { // flip a few bytes anywhere
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    base[random.nextInt(base.length)] = (byte) random.nextInt(256);
                }
                return base;
            }
            case 1 -> { // flip bytes in the payload only, keeping the frame intact
                for (int n = 1 + random.nextInt(3); n > 0 && base.length > 14; n--) {
                    base[14 + random.nextInt(base.length - 14)] = (byte) random.nextInt(256);
                }
                return base;
            }
            case 2 -> { // truncate, fixing the length so the frame is complete but its payload short
                int cut = 14 + random.nextInt(Math.max(1, base.length - 14));
                byte[] shorter = java.util.Arrays.copyOf(base, Math.min(cut, base.length));
                int length = shorter.length - 4;
                shorter[0] = (byte) (length >>> 24);
                shorter[1] = (byte) (length >>> 16);
                shorter[2] = (byte) (length >>> 8);
                shorter[3] = (byte) length;
                return shorter;
            }
            case 3 -> { // random declared length
                int length = random.nextBoolean() ? random.nextInt() : random.nextInt(MAX_FRAME * 2);
                base[0] = (byte) (length >>> 24);
                base[1] = (byte) (length >>> 16);
                base[2] = (byte) (length >>> 8);
                base[3] = (byte) length;
                return base;
            }
            case 4 -> { // garbage
                byte[] garbage = new byte[random.nextInt(64)];
                random.nextBytes(garbage);
                return garbage;
            }
            case 5 -> { // random frame type
                base[4] = (byte) random.nextInt(256);
                return base;
            }
            default -> { // two frames glued, the second mutated
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.writeBytes(base);
                byte[] second = valid.get(random.nextInt(valid.size())).clone();
                second[random.nextInt(second.length)] ^= (byte) (1 + random.nextInt(255));
                out.writeBytes(second);
                return out.toByteArray();
            }
        }
    }

    private static List<byte[]> validEncodings() {
        List<byte[]> encodings = new ArrayList<>();
        for (Frame frame : WireSamples.allFrames()) {
            ByteBuf out = Unpooled.buffer();
            FrameCodec.encode(frame, out);
            byte[] bytes = new byte[out.readableBytes()];
            out.readBytes(bytes);
            encodings.add(bytes);
        }
        return encodings;
    }
}
