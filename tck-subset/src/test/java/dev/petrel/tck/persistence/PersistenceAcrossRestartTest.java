package dev.petrel.tck.persistence;

import dev.petrel.tck.PetrelBrokerExtension;
import dev.petrel.tck.TckBroker;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jakarta Messaging 3.1 §4.7 (delivery mode): a PERSISTENT message survives a provider restart, a
 * NON_PERSISTENT one need not and, in Petrel, does not. Each test starts and restarts its own broker
 * on one data directory.
 */
@Timeout(120)
class PersistenceAcrossRestartTest {

    private static final long TIMEOUT_MS = 5_000;

    private Path dataDirectory;
    private String brokerName;
    private String baseName;
    private TckBroker broker;

    @BeforeEach
    void createDataDirectory(TestInfo info) throws IOException {
        dataDirectory = Files.createTempDirectory("petrel-tck-restart-");
        String unique = UUID.randomUUID().toString().substring(0, 8);
        brokerName = "tck-restart-" + unique;
        baseName = info.getTestMethod().map(Method::getName).orElse("test") + "_" + unique;
    }

    @AfterEach
    void stopBrokerAndDeleteData() {
        try {
            if (broker != null) {
                broker.close();
            }
        } finally {
            PetrelBrokerExtension.deleteRecursively(dataDirectory);
        }
    }

    private ConnectionFactory startBroker() {
        broker = TckBroker.start(brokerName, dataDirectory);
        return broker.connectionFactory();
    }

    private ConnectionFactory restartBroker() {
        broker.close();
        broker = null;
        return startBroker();
    }

    private static void send(ConnectionFactory cf, Queue q, int deliveryMode, String... texts) throws JMSException {
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(q);
            p.setDeliveryMode(deliveryMode);
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    private static List<String> receiveAll(ConnectionFactory cf, String queueName, int count) throws JMSException {
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queueName));
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Message m = consumer.receive(TIMEOUT_MS);
                assertNotNull(m, "message " + (i + 1) + " of " + count + " missing after restart");
                texts.add(((TextMessage) m).getText());
            }
            return texts;
        }
    }

    private static Queue queue(ConnectionFactory cf, String name) throws JMSException {
        try (Connection c = cf.createConnection()) {
            return c.createSession(false, Session.AUTO_ACKNOWLEDGE).createQueue(name);
        }
    }

    @Test
    void persistentMessagesSurviveABrokerRestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String name = baseName + "_q";
        send(cf, queue(cf, name), DeliveryMode.PERSISTENT, "p1", "p2", "p3");
        cf = restartBroker();
        assertEquals(List.of("p1", "p2", "p3"), receiveAll(cf, name, 3));
    }

    @Test
    void nonPersistentMessagesDoNotSurviveABrokerRestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String name = baseName + "_q";
        send(cf, queue(cf, name), DeliveryMode.NON_PERSISTENT, "volatile");
        send(cf, queue(cf, name), DeliveryMode.PERSISTENT, "durable");
        cf = restartBroker();
        assertEquals(List.of("durable"), receiveAll(cf, name, 1));
    }

    @Test
    void consumedMessagesAreNotRedeliveredAfterARestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String name = baseName + "_q";
        send(cf, queue(cf, name), DeliveryMode.PERSISTENT, "consumed", "left");
        assertEquals(List.of("consumed"), receiveAll(cf, name, 1));
        cf = restartBroker();
        assertEquals(List.of("left"), receiveAll(cf, name, 1));
    }

    @Test
    void messagesReceivedButNotAcknowledgedAreRedeliveredAfterARestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String name = baseName + "_q";
        send(cf, queue(cf, name), DeliveryMode.PERSISTENT, "unacked");
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.CLIENT_ACKNOWLEDGE);
            assertNotNull(s.createConsumer(s.createQueue(name)).receive(TIMEOUT_MS));
            cf = restartBroker();
        }
        assertEquals(List.of("unacked"), receiveAll(cf, name, 1));
    }

    @Test
    void committedTransactedSendsSurviveARestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String name = baseName + "_q";
        try (Connection c = cf.createConnection()) {
            Session tx = c.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer p = tx.createProducer(tx.createQueue(name));
            p.send(tx.createTextMessage("committed"));
            tx.commit();
            p.send(tx.createTextMessage("never committed"));
        }
        cf = restartBroker();
        send(cf, queue(cf, name), DeliveryMode.PERSISTENT, "marker");
        assertEquals(List.of("committed", "marker"), receiveAll(cf, name, 2));
    }

    @Test
    void durableSubscriptionAndItsPersistentMessagesSurviveARestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String clientId = baseName + "_client";
        String sub = baseName + "_sub";
        String topicName = baseName + "_t";
        try (Connection c = cf.createConnection()) {
            c.setClientID(clientId);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(topicName);
            s.createDurableConsumer(t, sub).close();
            s.createProducer(t).send(s.createTextMessage("for the durable subscriber"));
        }
        cf = restartBroker();
        try (Connection c = cf.createConnection()) {
            c.setClientID(clientId);
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createDurableConsumer(s.createTopic(topicName), sub);
            Message m = consumer.receive(TIMEOUT_MS);
            assertNotNull(m, "the durable subscription lost its message in the restart");
            assertEquals("for the durable subscriber", ((TextMessage) m).getText());
            consumer.close();
            s.unsubscribe(sub);
        }
    }

    @Test
    void messagePropertiesAndHeadersSurviveARestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String name = baseName + "_q";
        String sentId;
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage m = s.createTextMessage("full");
            m.setJMSType("type");
            m.setJMSCorrelationID("corr");
            m.setIntProperty("n", 5);
            m.setStringProperty("s", "str");
            s.createProducer(s.createQueue(name)).send(m, DeliveryMode.PERSISTENT, 6, 0);
            sentId = m.getJMSMessageID();
        }
        cf = restartBroker();
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message m = s.createConsumer(s.createQueue(name)).receive(TIMEOUT_MS);
            assertNotNull(m);
            assertEquals(sentId, m.getJMSMessageID());
            assertEquals("type", m.getJMSType());
            assertEquals("corr", m.getJMSCorrelationID());
            assertEquals(6, m.getJMSPriority());
            assertEquals(5, m.getIntProperty("n"));
            assertEquals("str", m.getStringProperty("s"));
            assertEquals(DeliveryMode.PERSISTENT, m.getJMSDeliveryMode());
            assertTrue(m.getJMSTimestamp() > 0);
        }
    }

    @Test
    void delayedPersistentMessageSurvivesARestartAndKeepsItsDeliveryTime() throws JMSException {
        ConnectionFactory cf = startBroker();
        String name = baseName + "_q";
        long deliveryTime;
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue(name));
            p.setDeliveryDelay(2_000);
            Message m = s.createTextMessage("delayed");
            p.send(m);
            deliveryTime = m.getJMSDeliveryTime();
        }
        cf = restartBroker();
        try (Connection c = cf.createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Message m = s.createConsumer(s.createQueue(name)).receive(2_000 + TIMEOUT_MS);
            long arrived = System.currentTimeMillis();
            assertNotNull(m, "the delayed message was lost in the restart");
            assertEquals(deliveryTime, m.getJMSDeliveryTime());
            assertTrue(arrived >= deliveryTime, "delivered before its delivery time after the restart");
        }
    }

    @Test
    void durableSubscriptionKeepsItsSelectorAcrossARestart() throws JMSException {
        ConnectionFactory cf = startBroker();
        String clientId = baseName + "_client";
        String sub = baseName + "_sub";
        String topicName = baseName + "_t";
        try (Connection c = cf.createConnection()) {
            c.setClientID(clientId);
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            s.createDurableConsumer(s.createTopic(topicName), sub, "keep = TRUE", false).close();
        }
        cf = restartBroker();
        try (Connection c = cf.createConnection()) {
            c.setClientID(clientId);
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic t = s.createTopic(topicName);
            MessageProducer p = s.createProducer(t);
            Message dropped = s.createTextMessage("dropped");
            dropped.setBooleanProperty("keep", false);
            p.send(dropped);
            Message kept = s.createTextMessage("kept");
            kept.setBooleanProperty("keep", true);
            p.send(kept);
            MessageConsumer consumer = s.createDurableConsumer(t, sub, "keep = TRUE", false);
            Message m = consumer.receive(TIMEOUT_MS);
            assertNotNull(m);
            assertEquals("kept", ((TextMessage) m).getText());
            consumer.close();
            s.unsubscribe(sub);
        }
    }
}
