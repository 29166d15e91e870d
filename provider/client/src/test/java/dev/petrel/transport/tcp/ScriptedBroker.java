package dev.petrel.transport.tcp;

import dev.petrel.protocol.ConnectionInfo;
import dev.petrel.protocol.wire.Frame;
import dev.petrel.protocol.wire.FrameCodec;
import dev.petrel.protocol.wire.FrameType;
import dev.petrel.protocol.wire.Handshake;
import dev.petrel.protocol.wire.WireProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A test-only broker driven step by step from the test over a plain socket, so a test can make it
 * answer wrongly, fall silent or vanish. Accepts one client. Not thread-safe.
 */
final class ScriptedBroker implements AutoCloseable {

    private final ServerSocket listener;
    private Socket socket;
    private DataInputStream in;
    private OutputStream out;

    ScriptedBroker() throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(15_000);
    }

    String url() {
        return "tcp://127.0.0.1:" + listener.getLocalPort();
    }

    /** Accepts the client and reads its preamble and CONNECT; returns the CONNECT frame. */
    Frame accept() throws IOException {
        socket = listener.accept();
        socket.setSoTimeout(15_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        byte[] preamble = new byte[FrameCodec.PREAMBLE_LENGTH];
        in.readFully(preamble);
        return read();
    }

    /** Accepts and answers CONNECTED with this heartbeat interval. */
    void acceptAndConnect(long heartbeatMillis) throws IOException {
        Frame connect = accept();
        write(new Handshake.Connected(FrameCodec.PROTOCOL_VERSION, new ConnectionInfo("scripted-1", "scripted", "0"),
                heartbeatMillis, FrameCodec.DEFAULT_MAX_FRAME_SIZE).toFrame(connect.correlationId()));
    }

    Frame read() throws IOException {
        try {
            int length = in.readInt();
            byte type = in.readByte();
            byte flags = in.readByte();
            long correlationId = in.readLong();
            byte[] payload = new byte[length - FrameCodec.HEADER_LENGTH];
            in.readFully(payload);
            return new Frame(FrameType.of(type), flags, correlationId, payload);
        } catch (EOFException e) {
            return null;
        } catch (WireProtocolException e) {
            throw new IOException("client sent a bad frame", e);
        }
    }

    /** The next frame that is not a PING. */
    Frame readRequest() throws IOException {
        Frame frame;
        do {
            frame = read();
        } while (frame != null && frame.type() == FrameType.PING);
        return frame;
    }

    void write(Frame frame) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        FrameCodec.encode(frame, buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        out.write(bytes);
        out.flush();
    }

    /** Drops the client's socket without a word. */
    void vanish() throws IOException {
        socket.close();
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
        listener.close();
    }
}
