package dev.petrel.broker.server;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Measures one message's round trip over tcp:// on 127.0.0.1 (prints, asserts nothing; not part of
 * the test run): a synchronous send of a 1 KiB BytesMessage and its receive on an AUTO_ACKNOWLEDGE
 * consumer of the same session, one after the other, for a number of seconds after a warm-up.
 * Prints round trips per second, latency p50/p99, the process's CPU time per round trip, which
 * the machine's noise moves less than the rate, and how long the JIT compilers still worked during
 * the measured part (on two cores a C2 compilation takes most of a core: with a 4 s warm-up it was
 * almost half of the CPU samples, so a figure with more than a few hundred ms of it is not a warm
 * one). Throws if a message does not come back.
 *
 * <p>Arguments: {@code persistent} or {@code non-persistent} (non-persistent sends still wait for the
 * broker's answer), seconds measured (default 8), seconds of warm-up (default 30). Compare builds by
 * running each in its own JVM, alternating.
 */
public final class TcpRoundTripMain {

    private TcpRoundTripMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !args[0].matches("persistent|non-persistent")) {
            throw new IllegalArgumentException("usage: persistent|non-persistent [seconds [warm-up seconds]]");
        }
        boolean persistent = args[0].equals("persistent");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int warmupSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path data = Files.createTempDirectory("petrel-round-trip");
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("round-trip").dataDirectory(data).start()) {
            TcpServer server = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker.broker());
            try (Connection connection = new PetrelConnectionFactory(server.url() + "?blockOnNonPersistentSend=true")
                    .createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Queue queue = session.createQueue("round-trip");
                MessageProducer producer = session.createProducer(queue);
                producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
                MessageConsumer consumer = session.createConsumer(queue);
                roundTrips(session, producer, consumer, warmupSeconds);
                String result = roundTrips(session, producer, consumer, seconds);
                System.out.printf("%s: %s%n", args[0], result);
            } finally {
                server.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    private static String roundTrips(Session session, MessageProducer producer, MessageConsumer consumer, int seconds)
            throws JMSException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        byte[] body = new byte[1024];
        long[] latencies = new long[1 << 20];
        int count = 0;
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long compileBefore = compiler.getTotalCompilationTime();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        long end = started + seconds * 1_000_000_000L;
        while (System.nanoTime() < end && count < latencies.length) {
            long sent = System.nanoTime();
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            producer.send(message);
            if (consumer.receive(10_000) == null) {
                throw new IllegalStateException("round trip " + count + ": the message did not come back within 10 s");
            }
            latencies[count++] = System.nanoTime() - sent;
        }
        long wall = System.nanoTime() - started;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long compiling = compiler.getTotalCompilationTime() - compileBefore;
        Arrays.sort(latencies, 0, count);
        return String.format("%,d round trips, %,.0f/s, p50 %d µs, p99 %d µs, CPU %d µs per round trip, compilers busy %,d ms",
                count, count * 1e9 / wall, latencies[count / 2] / 1_000, latencies[(int) (count * 0.99)] / 1_000,
                cpu / count / 1_000, compiling);
    }
}
