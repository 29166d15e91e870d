package dev.petrel.dist;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code bin/petrel demo}: starts an embedded broker on a data directory, sends persistent messages,
 * stops the broker, starts it again on the same directory and receives every message back, printing
 * each step. A command-line tool: it prints to standard output by design.
 */
public final class Demo {
    private static final String QUEUE = "demo.orders";

    private final Path dataDirectory;
    private final int count;
    private final PrintStream out;

    Demo(Path dataDirectory, int count, PrintStream out) {
        this.dataDirectory = dataDirectory;
        this.count = count;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path dataDirectory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("petrel-demo-");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int received = new Demo(dataDirectory, count, System.out).run();
        System.exit(received == count ? 0 : 1);
    }

    /** Runs the demo; returns how many of the sent messages came back after the restart. */
    int run() throws JMSException {
        out.printf("Petrel demo: data directory %s%n", dataDirectory.toAbsolutePath());
        try (EmbeddedBroker broker = startBroker()) {
            out.printf("1. started embedded broker '%s' (%s)%n", broker.name(), broker.url());
            sendPersistent(broker.url());
        }
        out.println("3. stopped the broker (store closed)");
        try (EmbeddedBroker broker = startBroker()) {
            out.printf("4. restarted broker '%s' on the same data directory%n", broker.name());
            int received = receiveAll(broker.url());
            out.printf("6. received %d of %d persistent messages after the restart: %s%n",
                    received, count, received == count ? "nothing lost" : "MESSAGES LOST");
            return received;
        }
    }

    private EmbeddedBroker startBroker() {
        return EmbeddedBroker.builder().name("demo").dataDirectory(dataDirectory).start();
    }

    private void sendPersistent(String url) throws JMSException {
        try (Connection connection = new PetrelConnectionFactory(url).createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(QUEUE);
            MessageProducer producer = session.createProducer(queue);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 1; i <= count; i++) {
                producer.send(session.createTextMessage("order #" + i));
            }
            out.printf("2. sent %d persistent messages to queue '%s' (each send returned once durable)%n", count, QUEUE);
        }
    }

    private int receiveAll(String url) throws JMSException {
        try (Connection connection = new PetrelConnectionFactory(url).createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            int received = 0;
            TextMessage message;
            while ((message = (TextMessage) consumer.receive(2000)) != null) {
                received++;
                out.printf("5. received '%s' (JMSMessageID %s)%n", message.getText(), message.getJMSMessageID());
            }
            return received;
        }
    }
}
