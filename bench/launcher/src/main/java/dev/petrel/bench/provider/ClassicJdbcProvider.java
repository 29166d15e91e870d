package dev.petrel.bench.provider;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.petrel.bench.Settings;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import org.apache.activemq.store.jdbc.JDBCPersistenceAdapter;

/**
 * ActiveMQ Classic 6.x with its JDBC store on an H2 file database through HikariCP, H2 at its
 * defaults: a commit is not fsynced, so this column is NOT durable before confirm. TCP on 127.0.0.1.
 */
final class ClassicJdbcProvider implements BenchProvider {
    private final ClassicBroker broker = new ClassicBroker();
    private HikariDataSource dataSource;

    @Override
    public void start(Path dataDirectory, Settings settings) throws Exception {
        Path dir = dataDirectory.resolve("classic-jdbc");
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:h2:file:" + dir.resolve("h2").resolve("activemq").toAbsolutePath());
        pool.setUsername("sa");
        pool.setPassword("");
        pool.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(pool);
        JDBCPersistenceAdapter jdbc = new JDBCPersistenceAdapter();
        jdbc.setDataSource(dataSource);
        jdbc.setDirectory(dir.toFile());
        jdbc.setUseLock(false);
        broker.start(dir, jdbc);
    }

    @Override
    public ConnectionFactory connectionFactory() {
        return broker.connectionFactory();
    }

    @Override
    public void close() throws Exception {
        try {
            broker.stop();
        } finally {
            if (dataSource != null) {
                dataSource.close();
            }
        }
    }
}
