package dev.petrel.protocol.wire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Netty inbound handler turning bytes into {@link Frame}s with {@link FrameCodec#decode}. On bad
 * input it raises a {@link io.netty.handler.codec.DecoderException} whose cause is the
 * {@link WireProtocolException}, and discards everything after it (the connection handler closes the
 * channel). One instance per channel; runs on the channel's event loop.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxFrameSize;
    private boolean failed;

    public FrameDecoder(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            Frame frame;
            while ((frame = FrameCodec.decode(in, maxFrameSize)) != null) {
                out.add(frame);
            }
        } catch (WireProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    /** At the end of the stream, bytes of an unfinished frame are a truncated frame. */
    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (!failed && in.isReadable()) {
            int received = in.readableBytes();
            in.skipBytes(received);
            failed = true;
            throw new WireProtocolException("connection ended inside a frame: " + received
                    + " bytes of an unfinished frame received");
        }
    }
}
