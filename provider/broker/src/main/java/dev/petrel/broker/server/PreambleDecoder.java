package dev.petrel.broker.server;

import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.FrameDecoder;
import dev.petrel.protocol.wire.WireProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Reads the 6-byte preamble a connection starts with, then replaces itself with a
 * {@link FrameDecoder} (bytes already received go on to it). Wrong magic or an unsupported version
 * raise a {@link WireProtocolException} ({@link UnsupportedVersionException} for the latter). One
 * instance per channel, on its event loop.
 */
final class PreambleDecoder extends ByteToMessageDecoder {

    private final int maxFrameSize;
    private boolean failed;

    PreambleDecoder(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (failed || ctx.isRemoved()) {
            in.skipBytes(in.readableBytes());
            return;
        }
        Integer version;
        try {
            version = FrameCodec.readPreamble(in);
            if (version == null) {
                return;
            }
            if (version != FrameCodec.PROTOCOL_VERSION) {
                throw new UnsupportedVersionException(version);
            }
        } catch (WireProtocolException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
        ctx.pipeline().replace(this, "frames", new FrameDecoder(maxFrameSize));
    }

    /** The client speaks a protocol version this server does not. */
    static final class UnsupportedVersionException extends WireProtocolException {
        UnsupportedVersionException(int version) {
            super("protocol version " + version + " is not supported: this broker speaks version "
                    + FrameCodec.PROTOCOL_VERSION);
        }
    }
}
