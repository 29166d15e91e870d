package dev.petrel.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built distribution's start-up errors: each names what is wrong and where. */
class StartupErrorsIT {

    @TempDir
    Path work;

    @Test
    void portInUseIsReportedWithHostAndPort() throws Exception {
        Distribution dist = new Distribution(work.resolve("logs"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path config = Distribution.writeConfig(work.resolve("petrel.conf"),
                    "server.tcp.port = " + taken.getLocalPort(),
                    "broker.dataDirectory = " + work.resolve("data"));
            Distribution.Result run = dist.petrel(work, "run", "--config", config.toString());
            assertEquals(1, run.exitCode(), run.output());
            assertTrue(run.output().contains("127.0.0.1:" + taken.getLocalPort()), "names host:port:\n" + run.output());
        }
    }

    @Test
    void invalidConfigLinesAreAllReportedWithFileAndLineAndStartFails() throws Exception {
        Distribution dist = new Distribution(work.resolve("logs"));
        Path config = Distribution.writeConfig(work.resolve("bad.conf"),
                "# a bad configuration",
                "server.tcp.port = " + Distribution.freePort(),
                "broker.memoryLimit = plenty",
                "broker.dataDirectory = " + work.resolve("data"),
                "security.enabld = true");
        Distribution.Result start = dist.petrel(work, "start", "--config", config.toString());
        assertEquals(1, start.exitCode(), start.output());
        assertTrue(start.output().contains(config + ":3") && start.output().contains(config + ":5"),
                "names the file and both bad lines:\n" + start.output());
        assertEquals(3, dist.petrel(work, "status").exitCode(), "nothing left running");
    }

    @Test
    void dataDirectoryHeldByAnotherBrokerIsReportedWithDirectoryAndPid() throws Exception {
        Path data = work.resolve("data");
        Distribution first = new Distribution(work.resolve("logs-first"));
        Path firstConfig = Distribution.writeConfig(work.resolve("first.conf"),
                "server.tcp.port = " + Distribution.freePort(), "broker.dataDirectory = " + data);
        Path secondConfig = Distribution.writeConfig(work.resolve("second.conf"),
                "server.tcp.port = " + Distribution.freePort(), "broker.dataDirectory = " + data);
        Distribution.Result started = first.petrel(work, "start", "--config", firstConfig.toString());
        assertEquals(0, started.exitCode(), started.output());
        try {
            Distribution.Result second = new Distribution(work.resolve("logs-second")).petrel(work, "run", "--config", secondConfig.toString());
            assertEquals(1, second.exitCode(), second.output());
            assertTrue(second.output().contains(data.toString()) && second.output().contains("pid"),
                    "names the directory and the holder's pid:\n" + second.output());
        } finally {
            first.petrel(work, "stop");
        }
    }
}
