package dev.petrel.bench.provider;

import dev.petrel.bench.Settings;
import jakarta.jms.ConnectionFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Apache ActiveMQ Artemis embedded: persistence on, NIO journal with data sync, the journal buffer
 * timeout set to this disk's measured sync time (as Artemis's {@code create} command configures it;
 * the built-in default is sized for spinning disks), paging on. Clients reach it over TCP on
 * 127.0.0.1 or in-VM.
 */
abstract class ArtemisProvider implements BenchProvider {
    private final boolean inVm;
    private EmbeddedActiveMQ server;
    private ActiveMQConnectionFactory factory;

    /** @param inVm clients connect in-VM rather than over TCP */
    ArtemisProvider(boolean inVm) {
        this.inVm = inVm;
    }

    @Override
    public void start(Path dataDirectory, Settings settings) throws Exception {
        int port = freeLoopbackPort();
        Path dir = dataDirectory.resolve("artemis");
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setJournalType(JournalType.NIO)
                .setJournalDatasync(true)
                .setJournalBufferTimeout_NIO((int) Math.max(1_000, settings.syncNanos()))
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .addAcceptorConfiguration("in-vm", "vm://0")
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + port + "?protocols=CORE");
        config.addAddressSetting("#", new AddressSettings()
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.PAGE)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true));
        server = new EmbeddedActiveMQ();
        server.setConfiguration(config);
        server.start();
        factory = new ActiveMQConnectionFactory(inVm ? "vm://0" : "tcp://127.0.0.1:" + port);
    }

    static int freeLoopbackPort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    @Override
    public void close() throws Exception {
        if (factory != null) {
            factory.close();
        }
        if (server != null) {
            server.stop();
        }
    }
}
