package dev.petrel.bench.scenario;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.Random;

/** The 1 KiB {@link BytesMessage} every scenario sends and the properties that identify it. Stateless. */
final class BenchMessages {
    static final String PRODUCER = "benchProducer";
    static final String SEQUENCE = "benchSeq";
    static final String INTENDED = "benchIntendedNanos";
    static final int BODY_BYTES = 1024;

    private static final byte[] BODY = body();

    private BenchMessages() {
    }

    private static byte[] body() {
        byte[] bytes = new byte[BODY_BYTES];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    static BytesMessage create(Session session, int producer, long seq) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(BODY);
        message.setIntProperty(PRODUCER, producer);
        message.setLongProperty(SEQUENCE, seq);
        return message;
    }

    static int producer(Message message) throws JMSException {
        return message.getIntProperty(PRODUCER);
    }

    static long sequence(Message message) throws JMSException {
        return message.getLongProperty(SEQUENCE);
    }
}
