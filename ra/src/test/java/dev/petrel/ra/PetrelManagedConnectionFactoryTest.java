package dev.petrel.ra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.TransactionInProgressException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.security.PasswordCredential;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbound side without a server: the managed connection factory, its managed connections and handles, on an embedded broker. */
class PetrelManagedConnectionFactoryTest {

    @TempDir
    Path dataDirectory;

    private EmbeddedBroker broker;
    private String url;
    private PetrelManagedConnectionFactory mcf;

    @BeforeEach
    void startBroker() throws Exception {
        String name = "ra-" + UUID.randomUUID();
        broker = EmbeddedBroker.builder().name(name).dataDirectory(dataDirectory).start();
        url = "vm://" + name;
        PetrelResourceAdapter ra = new PetrelResourceAdapter();
        ra.setBrokerURL(url);
        mcf = new PetrelManagedConnectionFactory();
        mcf.setResourceAdapter(ra);
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    private String receiveText(String queue) throws Exception {
        try (Connection c = new PetrelConnectionFactory(url).createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue(queue));
            c.start();
            Message m = consumer.receive(2000);
            return m == null ? null : ((TextMessage) m).getText();
        }
    }

    private static Xid xid() {
        UUID u = UUID.randomUUID();
        byte[] g = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
        return new Xid() {
            public int getFormatId() {
                return 77;
            }

            public byte[] getGlobalTransactionId() {
                return g;
            }

            public byte[] getBranchQualifier() {
                return new byte[] {2};
            }
        };
    }

    @Test
    void unmanagedFactorySendsThroughAHandleOutsideATransaction() throws Exception {
        PetrelRaConnectionFactory cf = (PetrelRaConnectionFactory) mcf.createConnectionFactory();
        try (Connection c = cf.createConnection()) {
            Session s = c.createSession(true, Session.SESSION_TRANSACTED);
            s.createProducer(s.createQueue("q")).send(s.createTextMessage("hello"));
        }
        assertEquals("hello", receiveText("q"));
    }

    @Test
    void secondActiveSessionOnAHandleIsRejectedWithIllegalStateException() throws Exception {
        try (Connection c = ((PetrelRaConnectionFactory) mcf.createConnectionFactory()).createConnection()) {
            c.createSession();
            assertThrows(IllegalStateException.class, c::createSession);
        }
    }

    @Test
    void setMessageListenerOnASessionHandleThrowsIllegalStateException() throws Exception {
        try (Connection c = ((PetrelRaConnectionFactory) mcf.createConnectionFactory()).createConnection()) {
            Session s = c.createSession();
            assertThrows(IllegalStateException.class, () -> s.setMessageListener(m -> { }));
        }
    }

    @Test
    void setClientIdOnAConnectionHandleThrowsIllegalStateException() throws Exception {
        try (Connection c = ((PetrelRaConnectionFactory) mcf.createConnectionFactory()).createConnection()) {
            assertThrows(IllegalStateException.class, () -> c.setClientID("x"));
        }
    }

    @Test
    void committedXaBranchDeliversTheMessageSentThroughTheHandle() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            Connection c = (Connection) mc.getConnection(null, null);
            XAResource xa = mc.getXAResource();
            Xid xid = xid();
            xa.start(xid, XAResource.TMNOFLAGS);
            Session s = c.createSession();
            assertTrue(s.getTransacted());
            assertThrows(TransactionInProgressException.class, s::commit);
            s.createProducer(s.createQueue("xq")).send(s.createTextMessage("in xa"));
            xa.end(xid, XAResource.TMSUCCESS);
            assertEquals(XAResource.XA_OK, xa.prepare(xid));
            xa.commit(xid, false);
            c.close();
            assertEquals("in xa", receiveText("xq"));
        } finally {
            mc.destroy();
        }
    }

    @Test
    void rolledBackXaBranchDeliversNothing() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            Connection c = (Connection) mc.getConnection(null, null);
            XAResource xa = mc.getXAResource();
            Xid xid = xid();
            xa.start(xid, XAResource.TMNOFLAGS);
            Session s = c.createSession();
            s.createProducer(s.createQueue("rq")).send(s.createTextMessage("dropped"));
            xa.end(xid, XAResource.TMSUCCESS);
            xa.rollback(xid);
            c.close();
            assertNull(receiveText("rq"));
        } finally {
            mc.destroy();
        }
    }

    @Test
    void localTransactionCommitDeliversAndRollbackDrops() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            Connection c = (Connection) mc.getConnection(null, null);
            Session s = c.createSession();
            mc.getLocalTransaction().begin();
            s.createProducer(s.createQueue("lq")).send(s.createTextMessage("kept"));
            mc.getLocalTransaction().commit();
            mc.getLocalTransaction().begin();
            s.createProducer(s.createQueue("lq")).send(s.createTextMessage("dropped"));
            mc.getLocalTransaction().rollback();
            c.close();
            assertEquals("kept", receiveText("lq"));
            assertNull(receiveText("lq"));
        } finally {
            mc.destroy();
        }
    }

    @Test
    void closingAHandleTellsTheServerTheManagedConnectionIsFree() throws Exception {
        ManagedConnection mc = mcf.createManagedConnection(null, null);
        try {
            AtomicInteger closed = new AtomicInteger();
            mc.addConnectionEventListener(new ConnectionEventListener() {
                public void connectionClosed(ConnectionEvent event) {
                    closed.incrementAndGet();
                }

                public void localTransactionStarted(ConnectionEvent event) {
                }

                public void localTransactionCommitted(ConnectionEvent event) {
                }

                public void localTransactionRolledback(ConnectionEvent event) {
                }

                public void connectionErrorOccurred(ConnectionEvent event) {
                }
            });
            Connection c = (Connection) mc.getConnection(null, null);
            c.close();
            assertEquals(1, closed.get());
            assertNotNull(mcf.matchManagedConnections(java.util.Set.of(mc), null, null));
        } finally {
            mc.destroy();
        }
    }

    @Test
    void contextFromTheAdapterFactorySendsWithProducerProperties() throws Exception {
        PetrelRaConnectionFactory cf = (PetrelRaConnectionFactory) mcf.createConnectionFactory();
        try (jakarta.jms.JMSContext context = cf.createContext(jakarta.jms.JMSContext.SESSION_TRANSACTED)) {
            context.createProducer().setProperty("attempt", 5).send(context.createQueue("cq"), "from context");
        }
        try (Connection c = new PetrelConnectionFactory(url).createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("cq"));
            c.start();
            Message m = consumer.receive(2000);
            assertEquals("from context", ((TextMessage) m).getText());
            assertEquals(5, m.getIntProperty("attempt"));
        }
    }

    @Test
    void contextProducerFromTheAdapterFactoryRefusesAsyncSendsWithIllegalStateRuntimeException() {
        PetrelRaConnectionFactory cf = (PetrelRaConnectionFactory) mcf.createConnectionFactory();
        try (jakarta.jms.JMSContext context = cf.createContext()) {
            jakarta.jms.JMSProducer producer = context.createProducer();
            assertThrows(jakarta.jms.IllegalStateRuntimeException.class, () -> producer.setAsync(new jakarta.jms.CompletionListener() {
                public void onCompletion(Message message) {
                }

                public void onException(Message message, Exception exception) {
                }
            }));
        }
    }

    @Test
    void contextProducerFromTheAdapterFactoryRejectsANullMessageWithMessageFormatRuntimeException() {
        PetrelRaConnectionFactory cf = (PetrelRaConnectionFactory) mcf.createConnectionFactory();
        try (jakarta.jms.JMSContext context = cf.createContext()) {
            jakarta.jms.Queue queue = context.createQueue("nq");
            jakarta.jms.JMSProducer producer = context.createProducer();
            assertThrows(jakarta.jms.MessageFormatRuntimeException.class, () -> producer.send(queue, (Message) null));
        }
    }

    @Test
    void contextConsumerRejectsAMessageListenerWithIllegalStateRuntimeException() {
        PetrelRaConnectionFactory cf = (PetrelRaConnectionFactory) mcf.createConnectionFactory();
        try (jakarta.jms.JMSContext context = cf.createContext()) {
            jakarta.jms.JMSConsumer consumer = context.createConsumer(context.createQueue("lq2"));
            assertThrows(jakarta.jms.IllegalStateRuntimeException.class, () -> consumer.setMessageListener(m -> { }));
        }
    }

    @Test
    void adapterGivesTheTransactionManagerAnXaResourceForRecovery() throws Exception {
        PetrelResourceAdapter ra = (PetrelResourceAdapter) mcf.getResourceAdapter();
        XAResource[] resources = ra.getXAResources(new jakarta.resource.spi.ActivationSpec[0]);
        try {
            assertEquals(1, resources.length);
            assertEquals(0, resources[0].recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length);
        } finally {
            ra.stop();
        }
    }

    @Test
    void passwordCredentialInTheServersSubjectIsWhatTheConnectionAuthenticatesWith() throws Exception {
        String name = "ra-auth-" + UUID.randomUUID();
        try (EmbeddedBroker secured = EmbeddedBroker.builder().name(name).dataDirectory(dataDirectory.resolve("auth"))
                .authenticator((user, password) -> {
                    if (!"recovery".equals(user) || !"secret".equals(password)) {
                        throw new JMSSecurityException("only recovery/secret may connect, not " + user);
                    }
                }).start()) {
            PetrelResourceAdapter ra = new PetrelResourceAdapter();
            ra.setBrokerURL("vm://" + name);
            PetrelManagedConnectionFactory factory = new PetrelManagedConnectionFactory();
            factory.setResourceAdapter(ra);
            PasswordCredential credential = new PasswordCredential("recovery", "secret".toCharArray());
            credential.setManagedConnectionFactory(factory);
            Subject subject = new Subject();
            subject.getPrivateCredentials().add(credential);

            ManagedConnection mc = factory.createManagedConnection(subject, null);
            try {
                assertNotNull(mc.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN));
            } finally {
                mc.destroy();
            }
        }
    }
}
