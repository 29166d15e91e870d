package dev.petrel.broker.xa;

import dev.petrel.broker.Authenticator;
import dev.petrel.broker.Broker;
import dev.petrel.broker.BrokerConfig;
import dev.petrel.client.xa.PetrelXAResource;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;
import jakarta.jms.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.petrel.broker.xa.PreparingChildMain.QUEUE;
import static dev.petrel.broker.xa.XaClient.body;
import static dev.petrel.broker.xa.XaClient.consumer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JVM running two brokers and Narayana is killed (SIGKILL) after both Petrel branches are
 * prepared; the brokers restart on the same data directories; recovery then finds both branches
 * and completes them, as a recovering transaction manager would.
 */
class XaCrashTest {
    @TempDir
    Path data;
    private final List<Broker> brokers = new ArrayList<>();

    @AfterEach
    void stop() {
        brokers.forEach(Broker::close);
    }

    private Path dirA() {
        return data.resolve("a");
    }

    private Path dirB() {
        return data.resolve("b");
    }

    private void prepareInChildAndKillIt() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                PreparingChildMain.class.getName(), dirA().toString(), dirB().toString());
        builder.redirectError(data.resolve("child-stderr.txt").toFile());
        Process child = builder.start();
        String prepared = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("PREPARED")) {
                    prepared = line;
                    child.toHandle().destroyForcibly();
                }
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        assertEquals("PREPARED 1 1", prepared, "see " + data.resolve("child-stderr.txt"));
    }

    private Broker open(String name, Path dir) throws Exception {
        Broker broker = new Broker(BrokerConfig.defaults(name), new H2MessageStore(H2StoreConfig.builder(dir).build()),
                Authenticator.ACCEPT_ALL);
        brokers.add(broker);
        return broker;
    }

    private BrokerConnection connect(Broker broker, XaClient client) throws Exception {
        BrokerConnection c = broker.connect("u", "p", client);
        c.createSession(1, Session.AUTO_ACKNOWLEDGE);
        return c;
    }

    /** Restarts both brokers, recovers one xid from each, and commits or rolls both back. */
    private void restartAndComplete(boolean commit, XaClient clientA, XaClient clientB) throws Exception {
        BrokerConnection a = connect(open("crash-a", dirA()), clientA);
        BrokerConnection b = connect(open("crash-b", dirB()), clientB);
        for (BrokerConnection c : List.of(a, b)) {
            PetrelXAResource resource = new PetrelXAResource(() -> c, 1, c.info().brokerName());
            Xid[] xids = resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
            assertEquals(1, xids.length);
            if (commit) {
                resource.commit(xids[0], false);
            } else {
                resource.rollback(xids[0]);
            }
            assertEquals(0, resource.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length);
        }
        a.createConsumer(1, 1, consumer(QUEUE));
        b.createConsumer(1, 1, consumer(QUEUE));
    }

    private void restartAgain() {
        brokers.forEach(Broker::close);
        brokers.clear();
    }

    @Test
    void preparedBranchesOfAKilledJvmCommitAfterRestartExactlyOnce() throws Exception {
        prepareInChildAndKillIt();
        XaClient clientA = new XaClient();
        XaClient clientB = new XaClient();
        restartAndComplete(true, clientA, clientB);
        assertNull(clientA.poll(300), "the message consumed in the committed branch must be gone");
        Delivery sent = clientB.next();
        assertEquals("new", body(sent));
        assertNull(clientB.poll(300));

        restartAgain();
        XaClient afterA = new XaClient();
        XaClient afterB = new XaClient();
        BrokerConnection a = connect(open("crash-a", dirA()), afterA);
        BrokerConnection b = connect(open("crash-b", dirB()), afterB);
        assertEquals(List.of(), a.xaRecover());
        assertEquals(List.of(), b.xaRecover());
        a.createConsumer(1, 1, consumer(QUEUE));
        b.createConsumer(1, 1, consumer(QUEUE));
        assertNull(afterA.poll(300));
        assertEquals("new", body(afterB.next()), "not acknowledged before the restart, so delivered again");
        assertNull(afterB.poll(300));
    }

    @Test
    void preparedBranchesOfAKilledJvmRollBackAfterRestart() throws Exception {
        prepareInChildAndKillIt();
        XaClient clientA = new XaClient();
        XaClient clientB = new XaClient();
        restartAndComplete(false, clientA, clientB);
        Delivery old = clientA.next();
        assertEquals("old", body(old));
        assertTrue(old.redelivered());
        assertNull(clientA.poll(300));
        assertNull(clientB.poll(300), "the message sent in the rolled-back branch must never appear");
    }
}
