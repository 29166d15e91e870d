package dev.petrel.protocol.wire;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * The binary layout of the connection preamble and of frames. Stateless and thread-safe.
 *
 * <pre>
 * preamble (client to server, once, before any frame): 'P' 'T' 'R' 'L', u16 protocol version
 * frame: u32 length (of everything after this field), u8 type, u8 flags, i64 correlation id, payload
 * </pre>
 *
 * A declared length below {@link #HEADER_LENGTH} or above the receiver's maximum frame size is
 * rejected as soon as the four length bytes have arrived, before anything is allocated for it.
 */
public final class FrameCodec {

    /** The four bytes every Petrel connection starts with. */
    public static final byte[] MAGIC = "PTRL".getBytes(StandardCharsets.US_ASCII);
    /** The protocol version this code speaks. */
    public static final int PROTOCOL_VERSION = 1;
    /** Magic plus the 2-byte version. */
    public static final int PREAMBLE_LENGTH = 6;
    /** Type, flags and correlation id: the part of a frame's length that is not payload. */
    public static final int HEADER_LENGTH = 10;
    /** Default largest frame (its length field's value) either side accepts: 16 MiB. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 16 * 1024 * 1024;

    private FrameCodec() {
    }

    /** Writes the preamble for {@code version}. */
    public static void writePreamble(ByteBuf out, int version) {
        out.writeBytes(MAGIC);
        out.writeShort(version);
    }

    /**
     * Reads the preamble once {@link #PREAMBLE_LENGTH} bytes are readable and returns the client's
     * version; null while fewer bytes have arrived.
     */
    public static Integer readPreamble(ByteBuf in) throws WireProtocolException {
        if (in.readableBytes() < PREAMBLE_LENGTH) {
            return null;
        }
        byte[] magic = new byte[MAGIC.length];
        in.readBytes(magic);
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw new WireProtocolException(String.format(
                        "not a Petrel client: expected magic bytes 'PTRL', got %02X %02X %02X %02X",
                        magic[0], magic[1], magic[2], magic[3]));
            }
        }
        return in.readUnsignedShort();
    }

    /** Appends one frame. */
    public static void encode(Frame frame, ByteBuf out) {
        out.writeInt(HEADER_LENGTH + frame.payload().length);
        out.writeByte(frame.type().code());
        out.writeByte(frame.flags());
        out.writeLong(frame.correlationId());
        out.writeBytes(frame.payload());
    }

    /**
     * Decodes the next frame from {@code in}, or returns null (reading nothing) while it is not
     * complete. The length is checked against {@code maxFrameSize} as soon as it is readable.
     */
    public static Frame decode(ByteBuf in, int maxFrameSize) throws WireProtocolException {
        if (in.readableBytes() < 4) {
            return null;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length > maxFrameSize) {
            throw new WireProtocolException("declared frame length " + length
                    + " exceeds the maximum frame size " + maxFrameSize);
        }
        if (length < HEADER_LENGTH) {
            throw new WireProtocolException("declared frame length " + length
                    + " is below the " + HEADER_LENGTH + "-byte frame header");
        }
        if (in.readableBytes() < 4 + length) {
            return null;
        }
        in.skipBytes(4);
        FrameType type = FrameType.of(in.readByte());
        byte flags = in.readByte();
        long correlationId = in.readLong();
        byte[] payload = new byte[(int) length - HEADER_LENGTH];
        in.readBytes(payload);
        return new Frame(type, flags, correlationId, payload);
    }
}
