package dev.petrel.durability;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link CrashRecoveryTest}: runs an embedded broker with concurrent producers and
 * consumers until it is killed, and reports on standard output, one line each, what the broker
 * confirmed: {@code S <id>} once a persistent send has returned, {@code R <id>} when a consumer
 * received a message (its acknowledgement may or may not complete before the kill), {@code A <id>}
 * once the acknowledgement (client acknowledge or commit) of a received message has returned.
 */
public final class CrashWorkload {
    static final String QUEUE = "crash.orders";
    static final String ID = "orderId";
    private static final int PRODUCERS = 3;
    private static final int CONSUMERS = 2;

    private CrashWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, false);
        EmbeddedBroker broker = EmbeddedBroker.builder().name("crash").dataDirectory(data).start();
        ConnectionFactory factory = new PetrelConnectionFactory(broker.url());
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            threads.add(new Thread(() -> produce(factory, producer, out), "producer-" + p));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            boolean transacted = c % 2 == 0;
            threads.add(new Thread(() -> consume(factory, transacted, out), "consumer-" + c));
        }
        threads.forEach(Thread::start);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static void produce(ConnectionFactory factory, int producer, PrintStream out) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer sender = session.createProducer(session.createQueue(QUEUE));
            sender.setDeliveryMode(DeliveryMode.PERSISTENT);
            byte[] body = new byte[512];
            for (long i = 0; ; i++) {
                long id = producer * 1_000_000_000L + i;
                var message = session.createBytesMessage();
                message.writeBytes(body);
                message.setLongProperty(ID, id);
                sender.send(message);
                report(out, "S " + id);
            }
        } catch (JMSException e) {
            report(out, "ERROR producer " + producer + ": " + e);
        }
    }

    /** Acknowledges in groups of 7: by commit in a transacted session, by {@code acknowledge()} in a CLIENT one. */
    private static void consume(ConnectionFactory factory, boolean transacted, PrintStream out) {
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(transacted,
                    transacted ? Session.SESSION_TRANSACTED : Session.CLIENT_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            List<Long> pending = new ArrayList<>();
            Message last = null;
            while (true) {
                Message message = consumer.receive(500);
                if (message != null) {
                    long id = message.getLongProperty(ID);
                    report(out, "R " + id);
                    pending.add(id);
                    last = message;
                }
                if (pending.size() >= 7 || (message == null && !pending.isEmpty())) {
                    if (transacted) {
                        session.commit();
                    } else {
                        last.acknowledge();
                    }
                    pending.forEach(id -> report(out, "A " + id));
                    pending.clear();
                }
            }
        } catch (JMSException e) {
            report(out, "ERROR consumer: " + e);
        }
    }

    private static void report(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
