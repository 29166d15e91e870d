package dev.petrel.dist;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/petrel send-rate [producers,...] [seconds]}: measures the in-VM persistent send rate
 * of an embedded broker on a fresh data directory: each producer thread has its own connection and
 * sends persistent 1 KiB messages synchronously (each send returns once durable). Prints msgs/s and
 * send latency percentiles per producer count, then drains the queue and fails if any confirmed
 * message is missing or extra. A command-line tool: it prints to standard output by design.
 */
public final class SendRate {
    private static final String QUEUE = "send-rate";
    private static final int BODY_BYTES = 1024;

    private final PrintStream out;

    SendRate(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        int[] producerCounts = Arrays.stream((args.length > 0 ? args[0] : "1,4").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SendRate rate = new SendRate(System.out);
        boolean allCounted = true;
        System.out.printf("%-10s %12s %10s %10s %10s %10s%n", "producers", "msgs/s", "p50 µs", "p99 µs", "p99.9 µs", "counted");
        for (int producers : producerCounts) {
            allCounted &= rate.measure(producers, seconds);
        }
        System.exit(allCounted ? 0 : 1);
    }

    /** One measurement on a fresh broker; true when every confirmed message was drained back. */
    boolean measure(int producers, int seconds) throws Exception {
        Path data = Files.createTempDirectory("petrel-send-rate-");
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("send-rate-" + producers).dataDirectory(data).start()) {
            ConnectionFactory factory = new PetrelConnectionFactory(broker.url());
            runProducers(factory, producers, 1); // warm-up
            long warmupSent = drain(factory);
            long start = System.nanoTime();
            List<Producer> workers = runProducers(factory, producers, seconds);
            double elapsedSeconds = (System.nanoTime() - start) / 1e9;
            long sent = 0;
            List<long[]> latencies = new ArrayList<>();
            for (Producer worker : workers) {
                sent += worker.sent;
                latencies.add(Arrays.copyOf(worker.latenciesNanos, (int) Math.min(worker.sent, worker.latenciesNanos.length)));
            }
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            long drained = drain(factory);
            out.printf("%-10d %12.0f %10d %10d %10d %10s%n", producers, sent / elapsedSeconds,
                    percentile(all, 0.50) / 1000, percentile(all, 0.99) / 1000, percentile(all, 0.999) / 1000,
                    drained == sent ? sent + " ok" : "LOST " + (sent - drained) + " (warm-up " + warmupSent + ")");
            return drained == sent;
        } finally {
            deleteRecursively(data);
        }
    }

    /** Runs {@code producers} producer threads for {@code seconds}; fails with the first producer's failure. */
    private static List<Producer> runProducers(ConnectionFactory factory, int producers, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Producer> workers = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            workers.add(new Producer(factory, stop));
        }
        workers.forEach(Producer::start);
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Producer worker : workers) {
            worker.join();
            if (worker.failure != null) {
                throw worker.failure;
            }
        }
        return workers;
    }

    private static long drain(ConnectionFactory factory) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            long count = 0;
            while (consumer.receive(2000) != null) {
                if (++count % 1000 == 0) {
                    session.commit();
                }
            }
            session.commit();
            return count;
        }
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not delete " + path, e);
                }
            });
        }
    }

    /** One producer thread with its own connection, sending until told to stop. */
    private static final class Producer extends Thread {
        private final ConnectionFactory factory;
        private final AtomicBoolean stop;
        final long[] latenciesNanos = new long[2_000_000];
        long sent;
        Exception failure;

        Producer(ConnectionFactory factory, AtomicBoolean stop) {
            super("send-rate-producer");
            this.factory = factory;
            this.stop = stop;
        }

        @Override
        public void run() {
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                byte[] body = new byte[BODY_BYTES];
                while (!stop.get()) {
                    BytesMessage message = session.createBytesMessage();
                    message.writeBytes(body);
                    long begin = System.nanoTime();
                    producer.send(message);
                    long latency = System.nanoTime() - begin;
                    if (sent < latenciesNanos.length) {
                        latenciesNanos[(int) sent] = latency;
                    }
                    sent++;
                }
            } catch (Exception e) {
                failure = e;
            }
        }
    }
}
