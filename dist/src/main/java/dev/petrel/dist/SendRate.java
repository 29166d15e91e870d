package dev.petrel.dist;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
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
 * {@code bin/petrel send-rate [--tcp | --url <url>] [--non-persistent] [producers,...] [seconds]}:
 * measures the send rate of 1 KiB messages sent synchronously (a persistent send returns once
 * durable): each producer thread has its own connection. By default against an embedded broker on
 * a fresh data directory over vm://; {@code --tcp} puts a TCP listener on a free loopback port in
 * front of that broker and connects over tcp://; {@code --url} measures a running broker (e.g.
 * {@code tcp://127.0.0.1:61616}, with {@code --user}/{@code --password} when it has security on).
 * Non-persistent runs keep a consumer draining the queue while producers send (their messages live
 * only in memory). Prints msgs/s and send latency percentiles per producer count, then drains the
 * queue and fails if any confirmed message is missing or extra. A command-line tool: it prints to
 * standard output by design.
 */
public final class SendRate {
    private static final int BODY_BYTES = 1024;

    private final PrintStream out;
    private final SendRateOptions options;
    private final String queue = "send-rate-" + System.currentTimeMillis();

    SendRate(PrintStream out, SendRateOptions options) {
        this.out = out;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        SendRateOptions options;
        try {
            options = SendRateOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("petrel send-rate: " + e.getMessage());
            System.err.println(SendRateOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(SendRateOptions.USAGE);
            return;
        }
        SendRate rate = new SendRate(System.out, options);
        boolean allCounted = true;
        System.out.println("# " + options.describe() + ", 1 KiB bodies, synchronous sends");
        System.out.printf("%-10s %12s %10s %10s %10s %10s%n", "producers", "msgs/s", "p50 µs", "p99 µs", "p99.9 µs", "counted");
        for (int producers : options.producerCounts()) {
            allCounted &= rate.measure(producers, options.seconds());
        }
        System.exit(allCounted ? 0 : 1);
    }

    /** One measurement (on a fresh broker unless --url); true when every confirmed message was drained back. */
    boolean measure(int producers, int seconds) throws Exception {
        if (options.url() != null) {
            return measure(options.factory(options.url()), producers, seconds);
        }
        Path data = Files.createTempDirectory("petrel-send-rate-");
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("send-rate-" + producers).dataDirectory(data).start()) {
            if (!options.tcp()) {
                return measure(new PetrelConnectionFactory(broker.url()), producers, seconds);
            }
            try (TcpServer server = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker.broker())) {
                return measure(new PetrelConnectionFactory(server.url()), producers, seconds);
            }
        } finally {
            deleteRecursively(data);
        }
    }

    private boolean measure(ConnectionFactory factory, int producers, int seconds) throws Exception {
        {
            runProducers(factory, producers, 1); // warm-up
            long warmupSent = drain(factory);
            Drainer drainer = options.persistent() ? null : new Drainer(factory, queue);
            if (drainer != null) {
                drainer.start();
            }
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
            long drained = (drainer == null ? 0 : drainer.finish()) + drain(factory);
            out.printf("%-10d %12.0f %10d %10d %10d %10s%n", producers, sent / elapsedSeconds,
                    percentile(all, 0.50) / 1000, percentile(all, 0.99) / 1000, percentile(all, 0.999) / 1000,
                    drained == sent ? sent + " ok" : "LOST " + (sent - drained) + " (warm-up " + warmupSent + ")");
            return drained == sent;
        }
    }

    /** Runs {@code producers} producer threads for {@code seconds}; fails with the first producer's failure. */
    private List<Producer> runProducers(ConnectionFactory factory, int producers, int seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        List<Producer> workers = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            workers.add(new Producer(factory, stop, queue, options.persistent()));
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

    private long drain(ConnectionFactory factory) throws JMSException {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
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
        private final String queue;
        private final boolean persistent;
        final long[] latenciesNanos = new long[2_000_000];
        long sent;
        Exception failure;

        Producer(ConnectionFactory factory, AtomicBoolean stop, String queue, boolean persistent) {
            super("send-rate-producer");
            this.factory = factory;
            this.stop = stop;
            this.queue = queue;
            this.persistent = persistent;
        }

        @Override
        public void run() {
            try (Connection connection = factory.createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createQueue(queue));
                producer.setDeliveryMode(persistent ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
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

    /** Consumes the queue while producers send (non-persistent runs), counting what it receives. */
    private static final class Drainer extends Thread {
        private final ConnectionFactory factory;
        private final String queue;
        private final AtomicBoolean stop = new AtomicBoolean();
        private volatile long received;
        private volatile Exception failure;

        Drainer(ConnectionFactory factory, String queue) {
            super("send-rate-drainer");
            this.factory = factory;
            this.queue = queue;
        }

        @Override
        public void run() {
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
                while (!stop.get()) {
                    if (consumer.receive(100) != null) {
                        received++;
                    }
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        /** Stops consuming and returns how many it received. */
        long finish() throws Exception {
            stop.set(true);
            join();
            if (failure != null) {
                throw failure;
            }
            return received;
        }
    }
}
