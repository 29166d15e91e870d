package dev.petrel.broker.server;

import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.FrameType;
import dev.petrel.protocol.wire.Handshake;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A hand-driven client socket for feeding the server exact (and wrong) bytes. Not thread-safe. */
final class RawClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    RawClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer a socket receive buffer size, 0 for the default */
    RawClient(int port, int receiveBuffer) throws IOException {
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        socket.setSoTimeout(15_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    RawClient bytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    RawClient preamble(int version) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        FrameCodec.writePreamble(buf, version);
        return bytes(toArray(buf));
    }

    RawClient frame(Frame frame) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        FrameCodec.encode(frame, buf);
        return bytes(toArray(buf));
    }

    /** Preamble and CONNECT; returns the CONNECTED frame. */
    Frame handshake(long heartbeatMillis) throws IOException {
        preamble(FrameCodec.PROTOCOL_VERSION);
        frame(new Handshake.Connect("raw", null, heartbeatMillis, Map.of()).toFrame(1));
        Frame answer = read();
        if (answer == null || answer.type() != FrameType.CONNECTED) {
            throw new AssertionError("expected CONNECTED, got " + answer);
        }
        return answer;
    }

    /** The next frame, or null at the end of the stream. */
    Frame read() throws IOException {
        try {
            int length = in.readInt();
            byte type = in.readByte();
            byte flags = in.readByte();
            long correlationId = in.readLong();
            byte[] payload = new byte[length - FrameCodec.HEADER_LENGTH];
            in.readFully(payload);
            return new Frame(FrameType.of(type), flags, correlationId, payload);
        } catch (EOFException | SocketException e) {
            return null;
        } catch (dev.petrel.protocol.wire.WireProtocolException e) {
            throw new IOException("server sent a bad frame", e);
        }
    }

    /** Every frame until the server closes the socket (15 s at most). */
    List<Frame> readUntilClosed() throws IOException {
        List<Frame> frames = new ArrayList<>();
        Frame frame;
        while ((frame = read()) != null) {
            frames.add(frame);
        }
        return frames;
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static byte[] toArray(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return bytes;
    }
}
