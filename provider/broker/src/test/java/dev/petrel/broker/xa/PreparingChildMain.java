package dev.petrel.broker.xa;

import dev.petrel.broker.Authenticator;
import dev.petrel.broker.Broker;
import dev.petrel.broker.BrokerConfig;
import dev.petrel.client.xa.PetrelXAResource;
import dev.petrel.message.DestinationRef;
import dev.petrel.protocol.BrokerConnection;
import dev.petrel.protocol.Delivery;
import dev.petrel.store.h2.H2MessageStore;
import dev.petrel.store.h2.H2StoreConfig;
import jakarta.jms.Session;
import jakarta.transaction.TransactionManager;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link XaCrashTest}: two brokers on H2 ({@code args[0]}, {@code args[1]}); on
 * broker A a message "old" is consumed and on broker B a message "new" is sent, in one Narayana
 * transaction. A third resource, enlisted last, reports on stdout (the parent's only channel) once
 * both Petrel branches are prepared ("PREPARED a b", with their counts from recover), then blocks
 * in its own prepare until the parent kills this JVM.
 */
public final class PreparingChildMain {
    static final DestinationRef QUEUE = DestinationRef.queue("xa.crash");

    private PreparingChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Broker brokerA = new Broker(BrokerConfig.defaults("crash-a"),
                new H2MessageStore(H2StoreConfig.builder(Path.of(args[0])).build()), Authenticator.ACCEPT_ALL);
        Broker brokerB = new Broker(BrokerConfig.defaults("crash-b"),
                new H2MessageStore(H2StoreConfig.builder(Path.of(args[1])).build()), Authenticator.ACCEPT_ALL);
        XaClient clientA = new XaClient();
        BrokerConnection a = brokerA.connect("u", "p", clientA);
        a.createSession(1, Session.AUTO_ACKNOWLEDGE);
        BrokerConnection b = brokerB.connect("u", "p", new XaClient());
        b.createSession(1, Session.AUTO_ACKNOWLEDGE);
        a.send(1, XaClient.persistent(QUEUE, "old")).toCompletableFuture().join();
        a.createConsumer(1, 1, XaClient.consumer(QUEUE));
        Delivery old = clientA.next();

        PetrelXAResource resourceA = new PetrelXAResource(() -> a, 1, "crash-a");
        PetrelXAResource resourceB = new PetrelXAResource(() -> b, 1, "crash-b");
        TransactionManager tm = Narayana.transactionManager();
        tm.begin();
        tm.getTransaction().enlistResource(resourceA);
        tm.getTransaction().enlistResource(resourceB);
        tm.getTransaction().enlistResource(new StopInPrepare(resourceA, resourceB));
        a.acknowledge(1, List.of(old.deliveryId()));
        b.send(1, XaClient.persistent(QUEUE, "new")).toCompletableFuture().join();
        tm.commit();
        System.out.println("COMMITTED (the crash never came)");
    }

    /** A resource that reports the Petrel branches' prepared state, then never returns from prepare. */
    private record StopInPrepare(PetrelXAResource a, PetrelXAResource b) implements XAResource {
        @Override
        public int prepare(Xid xid) throws XAException {
            System.out.println("PREPARED " + a.recover(TMSTARTRSCAN | TMENDRSCAN).length + " "
                    + b.recover(TMSTARTRSCAN | TMENDRSCAN).length);
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new XAException(XAException.XAER_RMFAIL);
                }
            }
        }

        @Override
        public void start(Xid xid, int flags) {
        }

        @Override
        public void end(Xid xid, int flags) {
        }

        @Override
        public void commit(Xid xid, boolean onePhase) {
        }

        @Override
        public void rollback(Xid xid) {
        }

        @Override
        public void forget(Xid xid) {
        }

        @Override
        public Xid[] recover(int flag) {
            return new Xid[0];
        }

        @Override
        public boolean isSameRM(XAResource other) {
            return other == this;
        }

        @Override
        public int getTransactionTimeout() {
            return 0;
        }

        @Override
        public boolean setTransactionTimeout(int seconds) {
            return false;
        }
    }
}
