package dev.petrel.dist;

import dev.petrel.broker.EmbeddedBroker;
import dev.petrel.broker.config.ConfigException;
import dev.petrel.broker.config.ConfigLoader;
import dev.petrel.broker.config.PetrelConfig;
import dev.petrel.broker.server.TcpServer;
import dev.petrel.broker.server.TcpServerConfig;
import dev.petrel.console.ConsoleConfig;
import dev.petrel.console.ConsoleServer;
import dev.petrel.console.security.ConfiguredUsersAuthenticator;
import dev.petrel.console.security.ConsoleUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The standalone broker ({@code bin/petrel run [--config file]}): reads {@code petrel.conf}, starts
 * the broker on its data directory, its tcp:// and ssl:// listeners and (when
 * {@code server.console.port} is set) the web admin console, and runs until the JVM is asked to stop
 * (SIGTERM, Ctrl-C), when it closes the console, stops accepting, closes client connections,
 * finishes in-flight store writes and closes the store cleanly.
 *
 * <p>Exit status: 0 after a clean stop, 2 for an unreadable or invalid configuration (every problem
 * with its file and line is logged), 1 when the broker cannot start (port in use, data directory
 * held by another broker, ...). Threading: {@link #start} and {@link #close} may be called from
 * any thread; close is idempotent.
 */
public final class PetrelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PetrelServer.class);

    private final EmbeddedBroker broker;
    private final List<TcpServer> listeners;
    private final ConsoleServer console;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private PetrelServer(EmbeddedBroker broker, List<TcpServer> listeners, ConsoleServer console) {
        this.broker = broker;
        this.listeners = listeners;
        this.console = console;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("petrel.home", ".")).toAbsolutePath().normalize();
        Path configFile;
        try {
            configFile = configFile(args, home);
        } catch (IllegalArgumentException e) {
            LOG.error("{}", e.getMessage());
            System.exit(2);
            return;
        }
        PetrelConfig config;
        try {
            config = ConfigLoader.load(configFile, home);
        } catch (ConfigException e) {
            LOG.error("Petrel cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        PetrelServer server;
        try {
            server = start(config);
        } catch (IOException | RuntimeException e) {
            LOG.error("Petrel cannot start (configuration {}): {}", configFile, describe(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "petrel-shutdown"));
        server.awaitStopped();
    }

    /** {@code --config <file>}, else {@code $PETREL_CONF}, else {@code <home>/conf/petrel.conf}. */
    static Path configFile(String[] args, Path home) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--config needs a file name");
                }
                return Path.of(args[i + 1]).toAbsolutePath();
            }
            throw new IllegalArgumentException("unknown argument '" + args[i] + "' (usage: petrel run [--config <file>])");
        }
        String fromEnvironment = System.getenv("PETREL_CONF");
        return fromEnvironment != null && !fromEnvironment.isBlank()
                ? Path.of(fromEnvironment).toAbsolutePath() : home.resolve("conf/petrel.conf");
    }

    /** Starts the broker and its listeners; on any failure stops what was started and throws. */
    public static PetrelServer start(PetrelConfig config) throws IOException {
        LOG.info("starting Petrel broker '{}' from {} (data directory {})", config.broker().name(), config.source(),
                config.dataDirectory());
        EmbeddedBroker.Builder builder = EmbeddedBroker.builder()
                .name(config.broker().name())
                .dataDirectory(config.dataDirectory())
                .autoCreateDestinations(config.broker().autoCreateDestinations())
                .memoryLimit(config.broker().memoryLimitBytes())
                .queueMemoryLimit(config.broker().queueMemoryLimitBytes())
                .defaultPolicy(config.broker().defaultPolicy());
        config.broker().policies().forEach(builder::policy);
        if (config.securityEnabled()) {
            builder.authenticator(config.security()).authorizer(config.security());
        } else {
            LOG.warn("security is disabled (security.enabled = false): every local client may connect and do anything");
        }
        EmbeddedBroker broker = builder.start();
        List<TcpServer> listeners = new ArrayList<>();
        try {
            for (String queue : config.queues()) {
                broker.broker().declareQueue(queue);
            }
            if (config.tcpPort() != PetrelConfig.OFF) {
                listeners.add(TcpServer.start(TcpServerConfig.builder().bindHost(config.bindHost())
                        .port(config.tcpPort()).build(), broker.broker()));
            }
            if (config.sslPort() != PetrelConfig.OFF) {
                PetrelConfig.Tls tls = config.tls();
                TcpServerConfig.Builder ssl = TcpServerConfig.builder().bindHost(config.bindHost()).port(config.sslPort())
                        .keyStore(tls.keyStore(), tls.keyStorePassword()).needClientAuth(tls.needClientAuth());
                if (tls.trustStore() != null) {
                    ssl.trustStore(tls.trustStore(), tls.trustStorePassword());
                }
                listeners.add(TcpServer.start(ssl.build(), broker.broker()));
            }
        } catch (jakarta.jms.JMSException e) {
            stopAll(listeners, broker);
            throw new IllegalStateException("cannot create the configured queues: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            stopAll(listeners, broker);
            throw e;
        }
        ConsoleServer console;
        try {
            console = config.console() == null ? null : startConsole(config, broker);
        } catch (RuntimeException e) {
            stopAll(listeners, broker);
            throw e;
        }
        for (Map.Entry<String, Long> limit : config.maxMessages().entrySet()) {
            LOG.warn("maxMessages = {} for '{}' is validated but not enforced by this broker version", limit.getValue(), limit.getKey());
        }
        PetrelServer server = new PetrelServer(broker, listeners, console);
        LOG.info("Petrel broker '{}' started: listening on {}{}", config.broker().name(), server.urls(),
                console == null ? "" : ", admin console on " + console.baseUri());
        return server;
    }

    private static ConsoleServer startConsole(PetrelConfig config, EmbeddedBroker broker) {
        PetrelConfig.Console settings = config.console();
        List<ConsoleUser> users = ConsoleUsers.of(settings);
        if (users.isEmpty()) {
            LOG.warn("no user can log in to the admin console: give a user (user.<name>.password, made with "
                    + "'bin/petrel hash-password') a role listed in server.console.adminRoles {} or server.console.viewerRoles {}",
                    settings.adminRoles(), settings.viewerRoles());
        }
        ConsoleConfig consoleConfig = ConsoleConfig.builder().bindAddress(config.bindHost()).port(settings.port())
                .authenticator(new ConfiguredUsersAuthenticator(users)).build();
        ConsoleServer console = ConsoleServer.start(broker.admin(), consoleConfig);
        LOG.info("admin console listening on {} ({} user(s) may log in)", console.baseUri(), users.size());
        return console;
    }

    /** The admin console's address, or null when it is off. */
    public java.net.URI consoleUri() {
        return console == null ? null : console.baseUri();
    }

    /** The URLs clients connect to, e.g. {@code [tcp://127.0.0.1:61616]}. */
    public List<String> urls() {
        return listeners.stream().map(TcpServer::url).toList();
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while waiting for the broker to stop");
        }
    }

    /** Stops accepting and closes connections, then finishes store writes and closes the store. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Petrel broker '{}' stopping", broker.name());
        try {
            if (console != null) {
                try {
                    console.close();
                    LOG.info("admin console closed");
                } catch (RuntimeException e) {
                    LOG.warn("the admin console did not close cleanly; stopping the broker anyway", e);
                }
            }
            for (TcpServer listener : listeners) {
                listener.close();
            }
            broker.close();
            LOG.info("Petrel broker '{}' stopped cleanly", broker.name());
        } finally {
            stopped.countDown();
        }
    }

    private static void stopAll(List<TcpServer> listeners, EmbeddedBroker broker) {
        listeners.forEach(TcpServer::close);
        broker.close();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
