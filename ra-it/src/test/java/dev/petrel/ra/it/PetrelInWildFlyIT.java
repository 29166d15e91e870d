package dev.petrel.ra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.ra.it.app.DurableTopicMdb;
import dev.petrel.ra.it.app.EchoQueueMdb;
import dev.petrel.ra.it.app.NonTransactedMdb;
import dev.petrel.ra.it.app.PoisonMdb;
import dev.petrel.ra.it.app.SendServlet;
import dev.petrel.ra.it.app.SenderBean;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Petrel resource adapter in a managed WildFly (standalone-full), started once for the suite,
 * beside a Petrel broker ({@link SideBroker}) in this JVM. Deploys the build's {@code .rar} (with an
 * {@code ironjacamar.xml} naming this run's broker URL and the pooled connection factory
 * {@value SenderBean#CF}) and a web application with an EJB sender and MDBs; the tests drive the
 * application over HTTP and check the broker from here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PetrelInWildFlyIT {

    static final String RAR = "petrel-ra.rar";
    private static final long WAIT_MS = 30_000;
    /** Suffix of the rows this run writes: the XA datasource's file database outlives a server run. */
    private static final String RUN = "-" + java.util.UUID.randomUUID();

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = "rar", order = 1, testable = false)
    static ResourceAdapterArchive rar() {
        SideBroker broker = SideBroker.get();
        File built = new File(System.getProperty("petrel.rar"));
        ResourceAdapterArchive rar = ShrinkWrap.create(ResourceAdapterArchive.class, RAR);
        rar.as(ZipImporter.class).importFrom(built);
        rar.addAsManifestResource(new StringAsset(ironjacamar(broker.url())), "ironjacamar.xml");
        return rar;
    }

    static String ironjacamar(String brokerUrl) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ironjacamar xmlns="http://www.ironjacamar.org/doc/schema">
                  <config-property name="BrokerURL">%s</config-property>
                  <transaction-support>XATransaction</transaction-support>
                  <connection-definitions>
                    <connection-definition class-name="dev.petrel.ra.PetrelManagedConnectionFactory"
                                           jndi-name="%s" pool-name="PetrelConnectionFactory">
                      <xa-pool>
                        <min-pool-size>0</min-pool-size>
                        <max-pool-size>20</max-pool-size>
                      </xa-pool>
                      <recovery>
                        <recover-credential>
                          <user-name>recovery</user-name>
                          <password>recovery</password>
                        </recover-credential>
                      </recovery>
                    </connection-definition>
                  </connection-definitions>
                </ironjacamar>
                """.formatted(brokerUrl, SenderBean.CF);
    }

    static final String JBOSS_EJB3 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jboss:ejb-jar xmlns:jboss="http://www.jboss.com/xml/ns/javaee"
                           xmlns="http://java.sun.com/xml/ns/javaee"
                           xmlns:r="urn:resource-adapter-binding"
                           version="3.1" impl-version="2.0">
              <assembly-descriptor>
                <r:resource-adapter-binding>
                  <ejb-name>*</ejb-name>
                  <r:resource-adapter-name>%s</r:resource-adapter-name>
                </r:resource-adapter-binding>
              </assembly-descriptor>
            </jboss:ejb-jar>
            """.formatted(RAR);

    @Deployment(name = "app", order = 2, testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "petrel-app.war")
                .addClasses(SenderBean.class, SendServlet.class, EchoQueueMdb.class, PoisonMdb.class,
                        NonTransactedMdb.class, forwarder())
                .addAsWebInfResource("petrel-it-xa-ds.xml")
                .addAsWebInfResource(new StringAsset(JBOSS_EJB3), "jboss-ejb3.xml");
    }

    @Deployment(name = "durable", order = 3, testable = false, managed = false)
    static WebArchive durableApp() {
        return ShrinkWrap.create(WebArchive.class, "petrel-durable.war")
                .addClasses(SenderBean.class, DurableTopicMdb.class, forwarder())
                .addAsWebInfResource(new StringAsset(JBOSS_EJB3), "jboss-ejb3.xml");
    }

    private static Class<?> forwarder() {
        try {
            return Class.forName("dev.petrel.ra.it.app.Forwarder");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String get(URL base, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base.toString() + "send?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> "GET send?" + query + " answered " + response.body());
        return response.body();
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void ejbSendInACommittedContainerTransactionDelivers(@ArquillianResource @OperateOnDeployment("app") URL base)
            throws Exception {
        get(base, "op=send&queue=it.commit&text=" + q("committed") + "&rollback=false");
        assertEquals("committed", SideBroker.get().receiveText("it.commit", WAIT_MS));
    }

    @Test
    void ejbSendInARolledBackContainerTransactionDeliversNothing(@ArquillianResource @OperateOnDeployment("app") URL base)
            throws Exception {
        get(base, "op=send&queue=it.rollback&text=" + q("rolled back") + "&rollback=true");
        get(base, "op=send&queue=it.rollback&text=" + q("marker") + "&rollback=false");
        assertEquals("marker", SideBroker.get().receiveText("it.rollback", WAIT_MS));
    }

    @Test
    void mdbOnAQueueReceivesAndForwardsInItsTransaction() throws Exception {
        SideBroker.get().send("it.in", false, "ping");
        assertEquals("ping", SideBroker.get().receiveText("it.out", WAIT_MS));
    }

    @Test
    void mdbWithoutAContainerTransactionReceives() throws Exception {
        SideBroker.get().send("it.nt.in", false, "no tx");
        assertEquals("no tx", SideBroker.get().receiveText("it.nt.out", WAIT_MS));
    }

    @Test
    void messageRejectedByAnMdbIsRedeliveredThenDeadLettered() throws Exception {
        SideBroker.get().send("it.poison", false, "poison");
        assertEquals("poison", SideBroker.get().receiveText(SideBroker.DLQ, 60_000));
    }

    @Test
    void xaTransactionWithTheXaDatasourceCommitsBoth(@ArquillianResource @OperateOnDeployment("app") URL base)
            throws Exception {
        get(base, "op=sendWithRow&queue=it.xa&text=" + q("xa-commit" + RUN) + "&rollback=false");
        assertEquals("xa-commit" + RUN, SideBroker.get().receiveText("it.xa", WAIT_MS));
        assertEquals("1", get(base, "op=count&text=" + q("xa-commit" + RUN)));
    }

    @Test
    void xaTransactionWithTheXaDatasourcePreparesBothBeforeCommitting(
            @ArquillianResource @OperateOnDeployment("app") URL base) throws Exception {
        get(base, "op=count&text=" + q("warm-up"));
        List<String> prepares;
        List<String> onePhase;
        try (NarayanaTrace trace = NarayanaTrace.start()) {
            get(base, "op=sendWithRow&queue=it.xa2pc&text=" + q("two-phase" + RUN) + "&rollback=false");
            prepares = trace.linesContaining("XAResourceRecord.topLevelPrepare");
            // MDB transactions (one Petrel resource) may commit in one phase meanwhile; not this one's resources.
            onePhase = trace.linesContaining("topLevelOnePhaseCommit").stream()
                    .filter(line -> line.contains(SenderBean.CF) || line.contains(SenderBean.XA_DS)).toList();
        }
        assertEquals("two-phase" + RUN, SideBroker.get().receiveText("it.xa2pc", WAIT_MS));
        assertTrue(prepares.stream().anyMatch(line -> line.contains(SenderBean.CF)),
                () -> "Petrel's branch was not prepared: " + prepares);
        assertTrue(prepares.stream().anyMatch(line -> line.contains(SenderBean.XA_DS)),
                () -> "the datasource's branch was not prepared: " + prepares);
        assertEquals(List.of(), onePhase, "neither branch may be committed in one phase");
    }

    @Test
    void xaTransactionWithTheXaDatasourceRollsBackBoth(@ArquillianResource @OperateOnDeployment("app") URL base)
            throws Exception {
        get(base, "op=sendWithRow&queue=it.xarb&text=" + q("xa-rollback" + RUN) + "&rollback=true");
        get(base, "op=send&queue=it.xarb&text=" + q("marker") + "&rollback=false");
        assertEquals("marker", SideBroker.get().receiveText("it.xarb", WAIT_MS));
        assertEquals("0", get(base, "op=count&text=" + q("xa-rollback" + RUN)));
    }

    /**
     * The resource adapter itself creates the durable subscription (client id it-client, name
     * it-durable) when the MDB is first deployed; it survives the undeployment and hands over what
     * was published meanwhile when the MDB comes back.
     */
    @Test
    void durableTopicMdbReceivesWhatWasPublishedWhileItWasUndeployed() throws Exception {
        SideBroker broker = SideBroker.get();
        deployer.deploy("durable");
        try {
            // Published until the MDB forwards one: its activation may not have subscribed yet.
            String subscribed = null;
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (subscribed == null && System.currentTimeMillis() < deadline) {
                broker.send("it.topic", true, "subscribed" + RUN);
                subscribed = broker.receiveText("it.topic.out", 1_000);
            }
            assertEquals("subscribed" + RUN, subscribed);
        } finally {
            deployer.undeploy("durable");
        }
        List<String> published = List.of("away-1" + RUN, "away-2" + RUN, "away-3" + RUN);
        for (String text : published) {
            broker.send("it.topic", true, text);
        }
        deployer.deploy("durable");
        try {
            Set<String> received = new HashSet<>();
            long deadline = System.currentTimeMillis() + WAIT_MS;
            while (!received.containsAll(published) && System.currentTimeMillis() < deadline) {
                String text = broker.receiveText("it.topic.out", 1_000);
                if (text != null && !text.startsWith("subscribed")) { // a late copy of the probe may come too
                    received.add(text);
                }
            }
            assertEquals(Set.copyOf(published), received);
        } finally {
            deployer.undeploy("durable");
        }
    }

    @Test
    void jmsContextSendInACommittedContainerTransactionDelivers(@ArquillianResource @OperateOnDeployment("app") URL base)
            throws Exception {
        get(base, "op=sendWithContext&queue=it.ctx&text=" + q("context") + "&rollback=false");
        assertEquals("context", SideBroker.get().receiveText("it.ctx", WAIT_MS));
    }

    @Test
    void jmsContextSendInARolledBackContainerTransactionDeliversNothing(
            @ArquillianResource @OperateOnDeployment("app") URL base) throws Exception {
        get(base, "op=sendWithContext&queue=it.ctxrb&text=" + q("rolled back") + "&rollback=true");
        get(base, "op=sendWithContext&queue=it.ctxrb&text=" + q("marker") + "&rollback=false");
        assertEquals("marker", SideBroker.get().receiveText("it.ctxrb", WAIT_MS));
    }

    @Test
    void connectionDefinitionIsRegisteredForXaRecovery() throws Exception {
        String log = ServerLog.sinceLastStart();
        assertTrue(log.contains("IJ020002"), "the adapter was not deployed in this server run");
        assertFalse(log.lines().anyMatch(line -> line.contains("IJ020016") && line.contains(SenderBean.CF)),
                "WildFly logged IJ020016 (XA recovery disabled) for " + SenderBean.CF);
    }

    /** After the tests that undeploy MDBs, before the broker restart (which does leave hazards behind). */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    void undeployingAnMdbLeavesNoHeuristicOutcome() throws Exception {
        List<String> heuristics = ServerLog.sinceLastStart().lines()
                // ARJUNA016039: a commit failed; ARJUNA012084: it left a heuristic outcome. (Periodic recovery
                // may report heuristics restored from the object store of earlier runs under other codes.)
                .filter(line -> line.contains("ARJUNA012084") || line.contains("ARJUNA016039")).toList();
        assertEquals(List.of(), heuristics);
    }

    /** Last: the broker restarts under the deployed MDB, which reconnects by itself. */
    @Test
    @Order(Integer.MAX_VALUE)
    void mdbReconnectsAfterTheBrokerRestarts() throws Exception {
        SideBroker broker = SideBroker.get();
        broker.restart();
        broker.send("it.in", false, "after restart");
        assertEquals("after restart", broker.receiveText("it.out", 60_000));
    }
}
