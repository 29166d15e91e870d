package dev.petrel.bench.limits;

import dev.petrel.bench.stats.LongSamples;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loopback TCP on 127.0.0.1: one-way bandwidth (64 KiB writes for a fixed time, metric {@code gibps})
 * and a 64-byte ping-pong's round trip (metric {@code pingP50}, µs). An echo/sink thread serves the
 * other end and ends with its socket.
 */
public final class LoopbackProbe {
    private static final int CHUNK = 64 * 1024;
    private static final int PING_BYTES = 64;
    private static final int PINGS = 5_000;

    private LoopbackProbe() {
    }

    public static Map<String, Double> run(long millis) throws Exception {
        Map<String, Double> result = new LinkedHashMap<>();
        result.put("gibps", bandwidth(millis));
        result.put("pingP50", pingPong());
        return result;
    }

    private static double bandwidth(long millis) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread sink = new Thread(() -> {
                byte[] buffer = new byte[CHUNK];
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                    while (in.read(buffer) >= 0) {
                        // discard
                    }
                } catch (IOException e) {
                    failure.set(e);
                }
            }, "loopback-sink");
            sink.start();
            long bytes = 0;
            long start;
            long end;
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 OutputStream out = socket.getOutputStream()) {
                byte[] chunk = new byte[CHUNK];
                start = System.nanoTime();
                long deadline = start + millis * 1_000_000;
                while ((end = System.nanoTime()) < deadline) {
                    out.write(chunk);
                    bytes += CHUNK;
                }
            }
            sink.join(10_000);
            if (failure.get() != null) {
                throw failure.get();
            }
            return bytes / ((end - start) / 1e9) / (1024.0 * 1024 * 1024);
        }
    }

    private static double pingPong() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            AtomicReference<Exception> failure = new AtomicReference<>();
            Thread echo = new Thread(() -> {
                byte[] buffer = new byte[PING_BYTES];
                try (Socket socket = server.accept()) {
                    socket.setTcpNoDelay(true);
                    DataInputStream in = new DataInputStream(socket.getInputStream());
                    OutputStream out = socket.getOutputStream();
                    while (true) {
                        in.readFully(buffer);
                        out.write(buffer);
                    }
                } catch (java.io.EOFException e) {
                    // the client closed: done
                } catch (IOException e) {
                    failure.set(e);
                }
            }, "loopback-echo");
            echo.start();
            LongSamples rtts = new LongSamples();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                socket.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                byte[] ping = new byte[PING_BYTES];
                for (int i = 0; i < PINGS; i++) {
                    long before = System.nanoTime();
                    out.write(ping);
                    in.readFully(ping);
                    if (i >= PINGS / 5) {
                        rtts.add(System.nanoTime() - before);
                    }
                }
            }
            echo.join(10_000);
            if (failure.get() != null) {
                throw failure.get();
            }
            return rtts.percentile(0.5) / 1_000.0;
        }
    }
}
