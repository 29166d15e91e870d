package dev.petrel.store.h2;

import dev.petrel.store.QueueDefinition;
import dev.petrel.store.StoreOperation;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures what the journal applier costs in H2 per message (prints, asserts nothing; not part of the
 * test run): fills a queue with 1 KiB messages in transactions of 4,000 messages, the way the applier
 * applies a backlog's windows, then removes them in transactions of 256, the way a drain's page reads
 * close windows; syncs H2 every 16 MiB like the applier. Prints the applying thread's CPU time per
 * message for each phase, round after round in one JVM, so the later rounds show compiled code.
 * Arguments: rounds (default 6), messages per round (default 100,000); {@code -DdrainTx=N} sets the
 * drain's transaction size. Command (from the repository root):
 * {@code mvn -q -pl provider/broker -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp},
 * then in {@code provider/broker}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.cp) dev.petrel.store.h2.H2ApplyMain}.
 */
public final class H2ApplyMain {
    private static final int FILL_TRANSACTION = 4_000;
    private static final int DRAIN_TRANSACTION = Integer.getInteger("drainTx", 256);
    private static final long SYNC_EVERY_BYTES = 16L << 20;

    private H2ApplyMain() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path scratch = Files.createTempDirectory("petrel-h2-apply");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + scratch.resolve("petrel")
                + H2MessageStore.H2_SETTINGS, "sa", "")) {
            H2Schema.createOrVerify(connection, scratch.toString());
            H2Writer writer = new H2Writer(connection);
            writer.apply(new StoreOperation.AddQueue(1, new QueueDefinition(QueueDefinition.Kind.QUEUE, "q", null,
                    null, null, false, false)));
            writer.commit(0);
            byte[] body = new byte[1024];
            long id = 0;
            long position = 0;
            for (int round = 1; round <= rounds; round++) {
                long first = id + 1;
                long cpuStart = cpu.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                long unsynced = 0;
                List<StoreOperation> operations = new ArrayList<>();
                for (int i = 0; i < messages; i++) {
                    id++;
                    operations.add(new StoreOperation.AddMessage(id, body));
                    operations.add(new StoreOperation.AddReference(1, id, 4, 0));
                    if (operations.size() == 2 * FILL_TRANSACTION || i == messages - 1) {
                        writer.applyOperations(operations, id);
                        position += operations.size() * 64L + (long) operations.size() / 2 * body.length;
                        unsynced += operations.size() / 2 * (long) body.length;
                        writer.commit(position);
                        operations.clear();
                        if (unsynced >= SYNC_EVERY_BYTES) {
                            writer.sync();
                            unsynced = 0;
                        }
                    }
                }
                long fillCpu = cpu.getCurrentThreadCpuTime() - cpuStart;
                long fillWall = System.nanoTime() - wallStart;
                cpuStart = cpu.getCurrentThreadCpuTime();
                wallStart = System.nanoTime();
                for (long m = first; m <= id; m++) {
                    operations.add(new StoreOperation.RemoveReference(1, m));
                    if (operations.size() == DRAIN_TRANSACTION || m == id) {
                        writer.applyOperations(operations, -1);
                        position += operations.size() * 32L;
                        unsynced += operations.size() * 32L;
                        writer.commit(position);
                        operations.clear();
                        if (unsynced >= SYNC_EVERY_BYTES / 8) {
                            writer.sync();
                            unsynced = 0;
                        }
                    }
                }
                long drainCpu = cpu.getCurrentThreadCpuTime() - cpuStart;
                long drainWall = System.nanoTime() - wallStart;
                System.out.printf("round %d: fill %.1f µs CPU/msg (%.0f msg/s), drain %.1f µs CPU/msg (%.0f msg/s)%n",
                        round, fillCpu / 1000.0 / messages, messages * 1e9 / fillWall,
                        drainCpu / 1000.0 / messages, messages * 1e9 / drainWall);
            }
            writer.shutdown();
        } finally {
            try (Stream<Path> walk = Files.walk(scratch)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
