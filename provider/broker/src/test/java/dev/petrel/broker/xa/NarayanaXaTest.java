package dev.petrel.broker.xa;

import dev.petrel.broker.Authenticator;
import dev.petrel.broker.Broker;
import dev.petrel.broker.BrokerConfig;
import dev.petrel.client.xa.PetrelXAResource;
import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import jakarta.jms.Session;
import jakarta.transaction.TransactionManager;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.XAConnection;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static dev.petrel.broker.xa.XaClient.body;
import static dev.petrel.broker.xa.XaClient.consumer;
import static dev.petrel.broker.xa.XaClient.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Narayana (a real JTA transaction manager) drives Petrel's XA resources together with another resource. */
class NarayanaXaTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("xa.tm");
    @TempDir
    Path data;
    private TransactionManager tm;
    private Broker brokerA;
    private Broker brokerB;
    private BrokerConnection a;
    private BrokerConnection b;
    private final XaClient clientA = new XaClient();
    private final XaClient clientB = new XaClient();

    @BeforeEach
    void start() throws Exception {
        tm = Narayana.transactionManager();
        brokerA = new Broker(BrokerConfig.defaults("narayana-a"), null, Authenticator.ACCEPT_ALL);
        brokerB = new Broker(BrokerConfig.defaults("narayana-b"), null, Authenticator.ACCEPT_ALL);
        a = brokerA.connect("u", "p", clientA);
        a.createSession(1, Session.AUTO_ACKNOWLEDGE);
        a.createSession(2, Session.AUTO_ACKNOWLEDGE);
        b = brokerB.connect("u", "p", clientB);
        b.createSession(1, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void stop() {
        brokerA.close();
        brokerB.close();
    }

    private PetrelXAResource resource(BrokerConnection connection, long sessionId) {
        return new PetrelXAResource(() -> connection, sessionId, connection.info().brokerName());
    }

    private void sendToBothBrokersInOneTransaction() throws Exception {
        tm.begin();
        tm.getTransaction().enlistResource(resource(a, 1));
        tm.getTransaction().enlistResource(resource(b, 1));
        a.send(1, persistent(QUEUE, "to-a")).toCompletableFuture().join();
        b.send(1, persistent(QUEUE, "to-b")).toCompletableFuture().join();
    }

    @Test
    void twoBrokersCommitTogetherInTwoPhases() throws Exception {
        sendToBothBrokersInOneTransaction();
        tm.commit();
        a.createConsumer(1, 1, consumer(QUEUE));
        b.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("to-a", body(clientA.next()));
        assertEquals("to-b", body(clientB.next()));
    }

    @Test
    void twoBrokersRollBackTogether() throws Exception {
        sendToBothBrokersInOneTransaction();
        tm.rollback();
        a.createConsumer(1, 1, consumer(QUEUE));
        b.createConsumer(1, 1, consumer(QUEUE));
        assertNull(clientA.poll(200));
        assertNull(clientB.poll(200));
    }

    @Test
    void twoSessionsOfOneBrokerJoinOneBranchAndCommit() throws Exception {
        tm.begin();
        tm.getTransaction().enlistResource(resource(a, 1));
        tm.getTransaction().enlistResource(resource(a, 2));
        a.send(1, persistent(QUEUE, "s1")).toCompletableFuture().join();
        a.send(2, persistent(QUEUE, "s2")).toCompletableFuture().join();
        tm.commit();
        b.createConsumer(1, 1, consumer(QUEUE));
        a.createConsumer(1, 1, consumer(QUEUE));
        assertEquals(List.of("s1", "s2"), List.of(body(clientA.next()), body(clientA.next())));
    }

    @Test
    void messageConsumedInRolledBackTransactionIsRedelivered() throws Exception {
        a.send(1, persistent(QUEUE, "work")).toCompletableFuture().join();
        a.createConsumer(1, 1, consumer(QUEUE));
        Delivery d = clientA.next();
        tm.begin();
        tm.getTransaction().enlistResource(resource(a, 1));
        a.acknowledge(1, List.of(d.deliveryId()));
        b.send(1, persistent(QUEUE, "result")).toCompletableFuture().join();
        tm.getTransaction().enlistResource(resource(b, 1));
        tm.rollback();
        Delivery again = clientA.next();
        assertEquals("work", body(again));
        assertTrue(again.redelivered());
    }

    private JdbcDataSource database() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + data.resolve("app") + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        ds.setPassword("");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS ORDERS (ID INT PRIMARY KEY)");
        }
        return ds;
    }

    private int orders(JdbcDataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ORDERS")) {
            r.next();
            return r.getInt(1);
        }
    }

    private void insertAndSend(JdbcDataSource ds, XAConnection xa) throws Exception {
        tm.begin();
        tm.getTransaction().enlistResource(xa.getXAResource());
        tm.getTransaction().enlistResource(resource(a, 1));
        try (Statement s = xa.getConnection().createStatement()) {
            s.execute("INSERT INTO ORDERS VALUES (1)");
        }
        a.send(1, persistent(QUEUE, "order-1")).toCompletableFuture().join();
    }

    @Test
    void databaseRowAndMessageCommitTogether() throws Exception {
        JdbcDataSource ds = database();
        XAConnection xa = ds.getXAConnection();
        try {
            insertAndSend(ds, xa);
            tm.commit();
        } finally {
            xa.close();
        }
        assertEquals(1, orders(ds));
        a.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("order-1", body(clientA.next()));
    }

    @Test
    void databaseRowAndMessageRollBackTogether() throws Exception {
        JdbcDataSource ds = database();
        XAConnection xa = ds.getXAConnection();
        try {
            insertAndSend(ds, xa);
            tm.rollback();
        } finally {
            xa.close();
        }
        assertEquals(0, orders(ds));
        a.createConsumer(1, 1, consumer(QUEUE));
        assertNull(clientA.poll(200));
    }
}
