package dev.petrel.tck.message;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Shared set-up of the message tests: one started connection and session per test. */
abstract class MessageTestSupport extends TckTest {

    protected Connection connection;
    protected Session session;

    @BeforeEach
    void openSession() throws JMSException {
        connection = startedConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void closeConnection() throws JMSException {
        if (connection != null) {
            connection.close();
        }
    }

    /** Sends {@code m} through a fresh queue and returns the message as received. */
    @SuppressWarnings("unchecked")
    protected <M extends Message> M roundTrip(M m) throws JMSException {
        Queue q = session.createQueue(uniqueName());
        session.createProducer(q).send(m);
        Message received = receiveRequired(session.createConsumer(q));
        return (M) received;
    }
}
