package dev.petrel.bench.provider;

import dev.petrel.bench.Settings;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.store.kahadb.KahaDBPersistenceAdapter;

/** ActiveMQ Classic 6.x with KahaDB, journal synced on every write ({@code always}); TCP on 127.0.0.1. */
final class ClassicKahaDbProvider implements BenchProvider {
    private final ClassicBroker broker = new ClassicBroker();

    @Override
    public void start(Path dataDirectory, Settings settings) throws Exception {
        Path dir = dataDirectory.resolve("classic-kahadb");
        KahaDBPersistenceAdapter kahaDb = new KahaDBPersistenceAdapter();
        kahaDb.setDirectory(dir.resolve("kahadb").toFile());
        kahaDb.setJournalDiskSyncStrategy("always");
        broker.start(dir, kahaDb);
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return broker.connectionFactory();
    }

    @Override
    public void close() throws Exception {
        broker.stop();
    }
}
