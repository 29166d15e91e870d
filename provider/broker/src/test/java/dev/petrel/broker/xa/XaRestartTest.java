package dev.petrel.broker.xa;

import dev.petrel.broker.Authenticator;
import dev.petrel.broker.Broker;
import dev.petrel.broker.BrokerConfig;
import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.nio.file.Path;
import java.util.List;

import static dev.petrel.broker.xa.XaClient.assertXaError;
import static dev.petrel.broker.xa.XaClient.body;
import static dev.petrel.broker.xa.XaClient.consumer;
import static dev.petrel.broker.xa.XaClient.newXid;
import static dev.petrel.broker.xa.XaClient.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prepared branches survive a broker restart on the H2 store (journal and direct): recover returns
 * their xids, messages they acknowledged stay invisible until the outcome, and commit or rollback
 * completes them exactly once.
 */
class XaRestartTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("xa.restart");
    @TempDir
    Path data;
    private Broker broker;
    private boolean journal = true;

    private Broker open() throws Exception {
        broker = new Broker(BrokerConfig.defaults("xa-restart"), new H2MessageStore(H2StoreConfig.builder(data)
                .journal(journal).build()), Authenticator.ACCEPT_ALL);
        return broker;
    }

    @AfterEach
    void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private BrokerConnection connect(XaClient client) throws Exception {
        BrokerConnection c = broker.connect("u", "p", client);
        c.createSession(1, Session.AUTO_ACKNOWLEDGE);
        return c;
    }

    /** Sends "old", then in one branch acknowledges it and sends "new"; prepares; restarts. */
    private PetrelXid prepareThenRestart() throws Exception {
        open();
        XaClient client = new XaClient();
        BrokerConnection c = connect(client);
        c.send(1, persistent(QUEUE, "old")).toCompletableFuture().join();
        c.createConsumer(1, 1, consumer(QUEUE));
        Delivery old = client.next();
        PetrelXid xid = newXid();
        c.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        c.acknowledge(1, List.of(old.deliveryId()));
        c.send(1, persistent(QUEUE, "new")).toCompletableFuture().join();
        c.xaEnd(1, xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, c.xaPrepare(xid));
        broker.close();
        open();
        return xid;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void recoverAfterRestartReturnsThePreparedXid(boolean withJournal) throws Exception {
        journal = withJournal;
        PetrelXid xid = prepareThenRestart();
        BrokerConnection c = connect(new XaClient());
        assertEquals(List.of(xid), c.xaRecover());
    }

    @Test
    void brokerListsThePreparedBranchAsInDoubtAfterRestart() throws Exception {
        PetrelXid xid = prepareThenRestart();
        assertEquals(List.of(xid), broker.inDoubtTransactions());
    }

    @Test
    void messageAcknowledgedInPreparedBranchStaysInvisibleAfterRestart() throws Exception {
        prepareThenRestart();
        XaClient client = new XaClient();
        connect(client).createConsumer(1, 1, consumer(QUEUE));
        assertNull(client.poll(500));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void commitAfterRestartDeliversTheSendAndRemovesTheAcknowledged(boolean withJournal) throws Exception {
        journal = withJournal;
        PetrelXid xid = prepareThenRestart();
        XaClient client = new XaClient();
        BrokerConnection c = connect(client);
        c.createConsumer(1, 1, consumer(QUEUE));
        c.xaCommit(xid, false);
        Delivery d = client.next();
        assertEquals("new", body(d));
        c.acknowledge(1, List.of(d.deliveryId()));
        assertNull(client.poll(300));
        assertEquals(List.of(), c.xaRecover());
    }

    @Test
    void committedBranchIsNotRecoveredAgainAfterASecondRestart() throws Exception {
        PetrelXid xid = prepareThenRestart();
        XaClient first = new XaClient();
        BrokerConnection c = connect(first);
        c.xaCommit(xid, false);
        broker.close();
        open();
        XaClient client = new XaClient();
        BrokerConnection again = connect(client);
        assertEquals(List.of(), again.xaRecover());
        again.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("new", body(client.next()));
        assertNull(client.poll(300));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void rollbackAfterRestartRedeliversTheAcknowledgedAndDropsTheSend(boolean withJournal) throws Exception {
        journal = withJournal;
        PetrelXid xid = prepareThenRestart();
        XaClient client = new XaClient();
        BrokerConnection c = connect(client);
        c.createConsumer(1, 1, consumer(QUEUE));
        c.xaRollback(xid);
        Delivery d = client.next();
        assertEquals("old", body(d));
        assertTrue(d.redelivered());
        c.acknowledge(1, List.of(d.deliveryId()));
        assertNull(client.poll(300));
        assertXaError(XAException.XAER_NOTA, () -> c.xaCommit(xid, false));
    }

    @Test
    void messageIdsAfterRestartDoNotCollideWithPreparedSends() throws Exception {
        PetrelXid xid = prepareThenRestart();
        XaClient client = new XaClient();
        BrokerConnection c = connect(client);
        c.send(1, persistent(QUEUE, "later")).toCompletableFuture().join();
        c.xaCommit(xid, false);
        c.createConsumer(1, 1, consumer(QUEUE));
        assertEquals(List.of("later", "new"), List.of(body(client.next()), body(client.next())).stream().sorted().toList());
    }
}
