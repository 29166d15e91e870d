package dev.petrel.dist;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands of the built distribution ({@code petrel.home}) with its own log directory, and
 * prepares what the server ITs need: free ports, config files, a TLS key store made with keytool.
 * Confined to one test.
 */
final class Distribution {
    static final String STORE_PASSWORD = "changeit";

    /** What a command printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
    }

    private final Path home = Path.of(System.getProperty("petrel.home"));
    private final Path logDirectory;

    Distribution(Path logDirectory) {
        this.logDirectory = logDirectory;
    }

    Path logFile() {
        return logDirectory.resolve("petrel.log");
    }

    /** Runs {@code bin/petrel <args>} and waits for it (at most 180 s: the machine may be busy). */
    Result petrel(Path work, String... args) throws IOException, InterruptedException {
        return petrelWithInput(work, null, args);
    }

    /** As {@link #petrel}, with {@code input} (a line) on standard input. */
    Result petrelWithInput(Path work, String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/petrel").toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile(work, "petrel-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PETREL_LOG_DIR", logDirectory.toString());
        builder.environment().put("PETREL_JAVA_OPTS", "-Xmx256m");
        builder.environment().remove("PETREL_CONF");
        if (input != null) {
            builder.redirectInput(Files.writeString(Files.createTempFile(work, "petrel-", ".in"), input + "\n").toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/petrel " + String.join(" ", args) + " did not finish within 180 s; it printed:\n"
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static Path writeConfig(Path file, String... lines) throws IOException {
        return Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    }

    /** Makes {@code server.p12} (key and self-signed certificate for 127.0.0.1) and {@code trust.p12} (the certificate) in {@code dir}. */
    static void makeKeyStores(Path dir) throws IOException, InterruptedException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        keytool(dir, keytool, "-genkeypair", "-alias", "petrel", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", dir.resolve("server.p12").toString(), "-storetype", "PKCS12",
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool(dir, keytool, "-exportcert", "-rfc", "-alias", "petrel", "-file", dir.resolve("server.pem").toString(),
                "-keystore", dir.resolve("server.p12").toString(), "-storepass", STORE_PASSWORD);
        keytool(dir, keytool, "-importcert", "-noprompt", "-alias", "petrel", "-file", dir.resolve("server.pem").toString(),
                "-keystore", dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD);
    }

    private static void keytool(Path dir, String... command) throws IOException, InterruptedException {
        Path output = dir.resolve("keytool.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("keytool failed: " + String.join(" ", command) + "\n" + Files.readString(output));
        }
    }
}
