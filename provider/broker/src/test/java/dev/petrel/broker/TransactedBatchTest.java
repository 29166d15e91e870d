package dev.petrel.broker;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A transacted consumer drains a paged backlog whatever its batch size, also batches larger than its
 * prefetch and than the queue's memory limit: credit comes back as the application takes messages,
 * not at commit, so a batch never waits for itself.
 */
class TransactedBatchTest {
    private static final int BACKLOG = 3_000;
    private static final int PREFETCH = 10;

    @TempDir
    Path dataDirectory;

    @ParameterizedTest(name = "commit every {0}")
    @ValueSource(ints = {1, 7, PREFETCH, PREFETCH + 1, 500, BACKLOG})
    void aTransactedConsumerDrainsAPagedBacklogInOrderWithAnyBatchSize(int batch) throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder().name("batch-" + batch)
                .dataDirectory(dataDirectory).queueMemoryLimit(256 * 1024).start()) {
            PetrelConnectionFactory factory = new PetrelConnectionFactory(broker.url() + "?prefetch=" + PREFETCH);
            try (Connection connection = factory.createConnection()) {
                connection.start();
                Session producerSession = connection.createSession(true, Session.SESSION_TRANSACTED);
                Queue queue = producerSession.createQueue("batch");
                fill(producerSession, queue);
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(queue);
                for (int i = 0; i < BACKLOG; i++) {
                    Message message = consumer.receive(10_000);
                    assertNotNull(message, "message " + i + " of " + BACKLOG + " did not arrive within 10 s"
                            + " (commit every " + batch + ")");
                    assertEquals(i, message.getIntProperty("n"));
                    if ((i + 1) % batch == 0) {
                        session.commit();
                    }
                }
                session.commit();
                assertNull(consumer.receiveNoWait(), "the queue is empty after the drain");
            }
        }
    }

    private static void fill(Session session, Queue queue) throws JMSException {
        MessageProducer producer = session.createProducer(queue);
        byte[] body = new byte[1024];
        for (int i = 0; i < BACKLOG; i++) {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setIntProperty("n", i);
            producer.send(message);
            if ((i + 1) % 100 == 0) {
                session.commit();
            }
        }
        session.commit();
    }
}
