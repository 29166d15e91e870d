package dev.petrel.durability;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * The child JVM of {@link BacklogLargerThanHeapTest}, run with a small heap: puts {@code count} persistent 1 KiB
 * messages on one queue with no consumer, then drains them all, checking their order. Prints
 * {@code HEAP <bytes>} (heap used after the fill, after a GC) and {@code DRAINED <n> IN_ORDER} or
 * {@code OUT_OF_ORDER ...}.
 */
public final class PagingWorkload {
    static final String QUEUE = "paging.backlog";

    private PagingWorkload() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("paging").dataDirectory(data)
                .queueMemoryLimit(8L * 1024 * 1024).memoryLimit(64L * 1024 * 1024).start();
             Connection connection = new PetrelConnectionFactory(broker.url()).createConnection()) {
            fill(connection, count);
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.println("HEAP " + used);
            System.out.flush();
            drain(connection, count);
        }
    }

    private static void fill(Connection connection, int count) throws Exception {
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        byte[] body = new byte[1024];
        for (int i = 0; i < count; i++) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setIntProperty("n", i);
            producer.send(message);
            if (i % 500 == 499) {
                session.commit();
            }
        }
        session.commit();
        session.close();
        System.out.println("FILLED " + count);
        System.out.flush();
    }

    private static void drain(Connection connection, int count) throws Exception {
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
        int expected = 0;
        Message message;
        while ((message = consumer.receive(5000)) != null) {
            int n = message.getIntProperty("n");
            if (n != expected) {
                System.out.println("OUT_OF_ORDER expected " + expected + " but received " + n);
                return;
            }
            expected++;
            if (expected % 500 == 0) {
                session.commit();
            }
        }
        session.commit();
        System.out.println("DRAINED " + expected + " IN_ORDER");
    }
}
