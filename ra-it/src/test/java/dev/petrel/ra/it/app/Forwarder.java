package dev.petrel.ra.it.app;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/** What the test MDBs do with a message: send its text on to a queue the test reads, in the same transaction. */
final class Forwarder {

    private Forwarder() {
    }

    static void forward(ConnectionFactory factory, Message message, String queue) {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession();
            session.createProducer(session.createQueue(queue))
                    .send(session.createTextMessage(((TextMessage) message).getText()));
        } catch (JMSException e) {
            throw new IllegalStateException("cannot forward to " + queue, e);
        }
    }
}
