package dev.petrel.ra.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * Narayana's own account of how it completed transactions: switches the {@code com.arjuna.ats.jta}
 * logger to TRACE through the management model, and reads what the server wrote to
 * {@code server.log} since then ({@code XAResourceRecord.topLevelPrepare},
 * {@code topLevelCommit}, {@code topLevelOnePhaseCommit} lines name each resource).
 * Closing it removes the logger again.
 *
 * <p>Threading: one test thread.
 */
final class NarayanaTrace implements AutoCloseable {

    private static final String CATEGORY = "com.arjuna.ats.jta";

    private final ModelControllerClient client;
    private final Path log;
    private final long start;

    private NarayanaTrace(ModelControllerClient client, Path log, long start) {
        this.client = client;
        this.log = log;
        this.start = start;
    }

    /** Management port of arquillian.xml (9990 + the port offset 137). */
    private static final int MANAGEMENT_PORT = 10127;

    static NarayanaTrace start() throws IOException {
        ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", MANAGEMENT_PORT);
        Path log = ServerLog.path();
        long start = Files.size(log);
        execute(client, "add", "TRACE");
        return new NarayanaTrace(client, log, start);
    }

    /** The server log lines written since {@link #start} that contain {@code text}. */
    List<String> linesContaining(String text) throws IOException {
        byte[] all = Files.readAllBytes(log);
        String since = new String(all, (int) start, all.length - (int) start, StandardCharsets.UTF_8);
        return since.lines().filter(line -> line.contains(text)).toList();
    }

    @Override
    public void close() throws IOException {
        try {
            execute(client, "remove", null);
        } finally {
            client.close();
        }
    }

    private static void execute(ModelControllerClient client, String operation, String level) throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").add("subsystem", "logging").add("logger", CATEGORY);
        if (level != null) {
            op.get("level").set(level);
        }
        ModelNode result = client.execute(op);
        if (!"success".equals(result.get("outcome").asString())) {
            throw new UncheckedIOException(new IOException(operation + " of logger " + CATEGORY + " failed: " + result));
        }
    }
}
