package dev.petrel.store.h2;

import dev.petrel.store.QueueDefinition;
import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Helpers for the store tests: batches, and a look at the closed database's rows. */
final class StoreTestSupport {
    private StoreTestSupport() {
    }

    static byte[] body(long messageId) {
        return ("message-" + messageId).getBytes(StandardCharsets.UTF_8);
    }

    static StoreBatch addQueue(long queueId, String name) {
        return new StoreBatch().add(new StoreOperation.AddQueue(queueId, QueueDefinition.queue(name)));
    }

    /** A message on one store queue: AddMessage + AddReference. */
    static StoreBatch send(long queueId, long messageId) {
        return new StoreBatch()
                .add(new StoreOperation.AddMessage(messageId, body(messageId)))
                .add(new StoreOperation.AddReference(queueId, messageId, 4, 0));
    }

    /** Counts rows of a table of a closed store, straight through JDBC. */
    static long rowCount(Path directory, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + directory.toAbsolutePath().resolve("petrel")
                + ";IFEXISTS=TRUE", "sa", "");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
