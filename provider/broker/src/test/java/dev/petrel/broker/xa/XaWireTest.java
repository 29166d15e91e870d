package dev.petrel.broker.xa;

import dev.petrel.broker.Authenticator;
import dev.petrel.broker.Broker;
import dev.petrel.broker.BrokerConfig;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.client.xa.PetrelXAResource;
import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.PetrelXid;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.tcp.TcpTransportFactory;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.petrel.broker.xa.XaClient.body;
import static dev.petrel.broker.xa.XaClient.consumer;
import static dev.petrel.broker.xa.XaClient.newXid;
import static dev.petrel.broker.xa.XaClient.persistent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The XA frames over TCP, driven through {@link PetrelXAResource}: results and XA error codes survive the wire. */
class XaWireTest {
    private static final DestinationRef QUEUE = DestinationRef.queue("xa.wire");
    private Broker broker;
    private TcpServer server;
    private BrokerConnection connection;
    private final XaClient client = new XaClient();
    private PetrelXAResource resource;

    @BeforeEach
    void start() throws Exception {
        broker = new Broker(BrokerConfig.defaults("xa-wire"), null, Authenticator.ACCEPT_ALL);
        server = TcpServer.start(TcpServerConfig.builder().bindHost("127.0.0.1").port(0).build(), broker);
        connection = new TcpTransportFactory().connect(new ConnectRequest(URI.create(server.url()), Map.of(), "u", "p"),
                client);
        connection.createSession(1, Session.AUTO_ACKNOWLEDGE);
        resource = new PetrelXAResource(() -> connection, 1, connection.info().brokerName());
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        server.close();
        broker.close();
    }

    @Test
    void twoPhaseCommitOverTcpDeliversTheSend() throws Exception {
        PetrelXid xid = newXid();
        resource.start(xid, XAResource.TMNOFLAGS);
        connection.send(1, persistent(QUEUE, "over-tcp")).toCompletableFuture().join();
        resource.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, resource.prepare(xid));
        Xid[] recovered = resource.recover(XAResource.TMSTARTRSCAN);
        assertEquals(1, recovered.length);
        assertArrayEquals(xid.getGlobalTransactionId(), recovered[0].getGlobalTransactionId());
        assertEquals(0, resource.recover(XAResource.TMENDRSCAN).length);
        resource.commit(recovered[0], false);
        connection.createConsumer(1, 1, consumer(QUEUE));
        assertEquals("over-tcp", body(client.next()));
    }

    @Test
    void readOnlyVoteCrossesTheWire() throws Exception {
        PetrelXid xid = newXid();
        resource.start(xid, XAResource.TMNOFLAGS);
        resource.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_RDONLY, resource.prepare(xid));
    }

    @Test
    void unknownXidOverTcpIsAnXaExceptionWithNota() {
        XAException e = assertThrows(XAException.class, () -> resource.commit(newXid(), true));
        assertEquals(XAException.XAER_NOTA, e.errorCode);
    }

    @Test
    void tmFailOverTcpMakesCommitReportRbRollback() throws Exception {
        PetrelXid xid = newXid();
        resource.start(xid, XAResource.TMNOFLAGS);
        resource.end(xid, XAResource.TMFAIL);
        XAException e = assertThrows(XAException.class, () -> resource.commit(xid, true));
        assertEquals(XAException.XA_RBROLLBACK, e.errorCode);
        assertEquals(List.of(), connection.xaRecover());
    }
}
