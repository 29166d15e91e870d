package dev.petrel.bench.provider;

import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.broker.TransportConnector;
import org.apache.activemq.store.PersistenceAdapter;

/**
 * An embedded ActiveMQ Classic broker on a given store, clients over TCP on 127.0.0.1 (OpenWire).
 * Threading: start and stop from one thread.
 */
final class ClassicBroker {
    private BrokerService broker;
    private ConnectionFactory factory;

    void start(Path dataDirectory, PersistenceAdapter store) throws Exception {
        broker = new BrokerService();
        broker.setBrokerName("bench");
        broker.setUseJmx(false);
        broker.setUseShutdownHook(false);
        broker.setSchedulerSupport(false);
        broker.setPersistent(true);
        broker.setDataDirectoryFile(dataDirectory.toFile());
        broker.setPersistenceAdapter(store);
        TransportConnector connector = broker.addConnector("tcp://127.0.0.1:0");
        broker.start();
        broker.waitUntilStarted();
        factory = new ActiveMQConnectionFactory(connector.getConnectUri().toString());
    }

    ConnectionFactory connectionFactory() {
        return factory;
    }

    void stop() throws Exception {
        if (broker != null) {
            broker.stop();
            broker.waitUntilStopped();
        }
    }
}
