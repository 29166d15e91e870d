package dev.petrel.broker.xa;

import dev.petrel.broker.Authenticator;
import dev.petrel.broker.Broker;
import dev.petrel.broker.BrokerConfig;
import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import dev.petrel.protocol.PetrelXid;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import java.util.List;

import static dev.petrel.broker.xa.XaClient.assertXaError;
import static dev.petrel.broker.xa.XaClient.body;
import static dev.petrel.broker.xa.XaClient.consumer;
import static dev.petrel.broker.xa.XaClient.newXid;
import static dev.petrel.broker.xa.XaClient.persistent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The broker's XA state machine through the BrokerConnection SPI, without a store. */
class XaBrokerTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("xa.q");
    private Broker broker;
    private final XaClient client = new XaClient();
    private final XaClient observer = new XaClient();
    private BrokerConnection connection;
    private BrokerConnection other;

    @BeforeEach
    void start() throws Exception {
        broker = new Broker(BrokerConfig.defaults("xa-test"), null, Authenticator.ACCEPT_ALL);
        connection = broker.connect("u", "p", client);
        connection.createSession(1, Session.AUTO_ACKNOWLEDGE);
        other = broker.connect("u", "p", observer);
        other.createSession(1, Session.AUTO_ACKNOWLEDGE);
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    private void sendInBranch(PetrelXid xid, String text) throws Exception {
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.send(1, persistent(QUEUE, text)).toCompletableFuture().join();
        connection.xaEnd(1, xid, XAResource.TMSUCCESS);
    }

    @Test
    void sendInBranchIsDeliveredOnlyAfterTwoPhaseCommit() throws Exception {
        PetrelXid xid = newXid();
        sendInBranch(xid, "m1");
        other.createConsumer(1, 1, consumer(QUEUE));
        assertEquals(XAResource.XA_OK, connection.xaPrepare(xid));
        assertNull(observer.poll(200));
        connection.xaCommit(xid, false);
        assertEquals("m1", body(observer.next()));
    }

    @Test
    void onePhaseCommitDeliversTheSends() throws Exception {
        PetrelXid xid = newXid();
        sendInBranch(xid, "m1");
        connection.xaCommit(xid, true);
        other.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("m1", body(observer.next()));
    }

    @Test
    void rollbackDiscardsSendsAndRedeliversAcknowledgedMessages() throws Exception {
        other.send(1, persistent(QUEUE, "before")).toCompletableFuture().join();
        connection.createConsumer(1, 1, consumer(QUEUE));
        Delivery d = client.next();
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.acknowledge(1, List.of(d.deliveryId()));
        connection.send(1, persistent(QUEUE, "sent")).toCompletableFuture().join();
        connection.xaEnd(1, xid, XAResource.TMSUCCESS);
        connection.xaPrepare(xid);
        connection.xaRollback(xid);
        Delivery again = client.next();
        assertEquals("before", body(again));
        assertTrue(again.redelivered());
        assertNull(client.poll(200));
    }

    @Test
    void messageAcknowledgedInCommittedBranchIsNotRedelivered() throws Exception {
        other.send(1, persistent(QUEUE, "once")).toCompletableFuture().join();
        connection.createConsumer(1, 1, consumer(QUEUE));
        Delivery d = client.next();
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.acknowledge(1, List.of(d.deliveryId()));
        connection.xaEnd(1, xid, XAResource.TMSUCCESS);
        connection.xaPrepare(xid);
        connection.xaCommit(xid, false);
        connection.closeSession(1, List.of());
        other.createConsumer(1, 1, consumer(QUEUE));
        assertNull(observer.poll(300));
    }

    @Test
    void prepareOfBranchThatDidNothingVotesReadOnlyAndForgetsIt() throws Exception {
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.xaEnd(1, xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, connection.xaPrepare(xid));
        assertXaError(XAException.XAER_NOTA, () -> connection.xaCommit(xid, false));
    }

    @Test
    void branchEndedInOneConnectionIsCommittedFromAnother() throws Exception {
        PetrelXid xid = newXid();
        sendInBranch(xid, "m1");
        assertEquals(XAResource.XA_OK, other.xaPrepare(xid));
        assertEquals(List.of(xid), other.xaRecover());
        other.xaCommit(xid, false);
        other.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("m1", body(observer.next()));
    }

    @Test
    void branchOfAClosedConnectionIsCommittedFromAnother() throws Exception {
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.send(1, persistent(QUEUE, "m1")).toCompletableFuture().join();
        connection.close();
        other.xaCommit(xid, true);
        other.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("m1", body(observer.next()));
    }

    @Test
    void endWithTmFailAfterTheSessionClosedMakesTheBranchRollbackOnly() throws Exception {
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.closeSession(1, List.of());
        connection.xaEnd(1, xid, XAResource.TMFAIL);
        assertXaError(XAException.XA_RBROLLBACK, () -> connection.xaPrepare(xid));
    }

    @Test
    void startingAnExistingXidFailsWithDupid() throws Exception {
        PetrelXid xid = newXid();
        sendInBranch(xid, "m1");
        assertXaError(XAException.XAER_DUPID, () -> other.xaStart(1, xid, XAResource.TMNOFLAGS, 0));
    }

    @Test
    void secondSessionJoinsTheBranchAndBothSendsCommitTogether() throws Exception {
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        other.xaStart(1, xid, XAResource.TMJOIN, 0);
        connection.send(1, persistent(QUEUE, "a")).toCompletableFuture().join();
        other.send(1, persistent(QUEUE, "b")).toCompletableFuture().join();
        connection.xaEnd(1, xid, XAResource.TMSUCCESS);
        assertXaError(XAException.XAER_PROTO, () -> connection.xaPrepare(xid));
        other.xaEnd(1, xid, XAResource.TMSUCCESS);
        connection.xaCommit(xid, true);
        connection.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("a", body(client.next()));
        assertEquals("b", body(client.next()));
    }

    @Test
    void suspendedBranchResumesOnlyInTheSessionThatSuspendedIt() throws Exception {
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.xaEnd(1, xid, XAResource.TMSUSPEND);
        assertXaError(XAException.XAER_PROTO, () -> other.xaStart(1, xid, XAResource.TMRESUME, 0));
        connection.xaStart(1, xid, XAResource.TMRESUME, 0);
        connection.xaEnd(1, xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, connection.xaPrepare(xid));
    }

    @Test
    void sendWhileSuspendedIsNotPartOfTheBranch() throws Exception {
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.xaEnd(1, xid, XAResource.TMSUSPEND);
        connection.send(1, persistent(QUEUE, "outside")).toCompletableFuture().join();
        connection.xaStart(1, xid, XAResource.TMRESUME, 0);
        connection.xaEnd(1, xid, XAResource.TMSUCCESS);
        connection.xaRollback(xid);
        other.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("outside", body(observer.next()));
    }

    @Test
    void branchEndedWithTmFailRollsBackAtPrepare() throws Exception {
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 0);
        connection.send(1, persistent(QUEUE, "m1")).toCompletableFuture().join();
        connection.xaEnd(1, xid, XAResource.TMFAIL);
        assertXaError(XAException.XA_RBROLLBACK, () -> connection.xaPrepare(xid));
        assertXaError(XAException.XAER_NOTA, () -> connection.xaRollback(xid));
    }

    @Test
    void branchPastItsTimeoutIsRolledBackAndReportsRbTimeout() throws Exception {
        other.send(1, persistent(QUEUE, "held")).toCompletableFuture().join();
        connection.createConsumer(1, 1, consumer(QUEUE));
        Delivery d = client.next();
        PetrelXid xid = newXid();
        connection.xaStart(1, xid, XAResource.TMNOFLAGS, 1);
        connection.acknowledge(1, List.of(d.deliveryId()));
        Delivery again = client.next();
        assertEquals("held", body(again));
        assertTrue(again.redelivered());
        assertXaError(XAException.XA_RBTIMEOUT, () -> connection.xaEnd(1, xid, XAResource.TMSUCCESS));
        assertXaError(XAException.XA_RBTIMEOUT, () -> connection.xaPrepare(xid));
    }

    @Test
    void onePhaseCommitOfPreparedBranchFailsWithProtocolError() throws Exception {
        PetrelXid xid = newXid();
        sendInBranch(xid, "m1");
        connection.xaPrepare(xid);
        assertXaError(XAException.XAER_PROTO, () -> connection.xaCommit(xid, true));
    }

    @Test
    void twoPhaseCommitOfUnpreparedBranchFailsWithProtocolError() throws Exception {
        PetrelXid xid = newXid();
        sendInBranch(xid, "m1");
        assertXaError(XAException.XAER_PROTO, () -> connection.xaCommit(xid, false));
    }

    @Test
    void unknownXidIsReportedAsNota() {
        PetrelXid xid = newXid();
        assertXaError(XAException.XAER_NOTA, () -> connection.xaCommit(xid, false));
        assertXaError(XAException.XAER_NOTA, () -> connection.xaRollback(xid));
        assertXaError(XAException.XAER_NOTA, () -> connection.xaForget(xid));
    }

    @Test
    void startWhileAlreadyAssociatedFailsWithProtocolError() throws Exception {
        connection.xaStart(1, newXid(), XAResource.TMNOFLAGS, 0);
        assertXaError(XAException.XAER_PROTO, () -> connection.xaStart(1, newXid(), XAResource.TMNOFLAGS, 0));
    }

    @Test
    void locallyTransactedSessionRefusesXa() throws Exception {
        connection.createSession(2, Session.SESSION_TRANSACTED);
        assertXaError(XAException.XAER_PROTO, () -> connection.xaStart(2, newXid(), XAResource.TMNOFLAGS, 0));
    }
}
