package dev.petrel.console;

import dev.petrel.console.api.BacklogApi;
import dev.petrel.console.api.BrokerApi;
import dev.petrel.console.api.JsonConfig;
import dev.petrel.console.api.SessionApi;
import dev.petrel.console.security.AuthenticationFilter;
import dev.petrel.console.security.SecurityHeadersFilter;
import dev.petrel.console.security.SessionStore;
import dev.petrel.console.service.AdminActions;
import dev.petrel.console.service.AuditLog;
import dev.petrel.console.web.ActionPages;
import dev.petrel.console.web.BrowsePages;
import dev.petrel.console.web.ErrorMappers;
import dev.petrel.console.web.LoginPage;
import dev.petrel.console.web.Pages;
import dev.petrel.console.web.StaticFiles;
import dev.petrel.console.web.ThymeleafWriter;
import dev.petrel.management.BrokerAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin console: web pages and the REST API over one {@link BrokerAdmin}, on an embedded
 * Grizzly HTTP server. The broker distribution starts one with {@link #start(BrokerAdmin, ConsoleConfig)}
 * and closes it when the broker stops.
 *
 * <p>Wiring: a Weld SE container (one per console, no classpath scanning) creates the services,
 * filters and resources with constructor injection; Jersey serves those instances. Jersey
 * handles requests on Grizzly's worker threads; every component is thread-safe.
 *
 * <p>{@link #close()} is idempotent: it stops the listener (open requests get a short grace
 * period), then the CDI container, and reports every failure.
 */
public final class ConsoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);

    /** The console's components, created by CDI and registered with Jersey. */
    private static final List<Class<?>> COMPONENTS = List.of(
            AuthenticationFilter.class, SecurityHeadersFilter.class, ThymeleafWriter.class, JsonConfig.class,
            SessionApi.class, BrokerApi.class, BacklogApi.class,
            LoginPage.class, Pages.class, BrowsePages.class, ActionPages.class, StaticFiles.class);

    /** Created by Weld too but used only through injection. */
    private static final List<Class<?>> SERVICES = List.of(AuditLog.class, AdminActions.class);

    private final WeldContainer container;
    private final HttpServer server;
    private final NetworkListener listener;
    private boolean closed;

    private ConsoleServer(WeldContainer container, HttpServer server, NetworkListener listener) {
        this.container = container;
        this.server = server;
        this.listener = listener;
    }

    /**
     * Starts a console for {@code admin}, listening as {@code config} says.
     *
     * @throws UncheckedIOException when the port cannot be bound (it says which address and port)
     */
    public static ConsoleServer start(BrokerAdmin admin, ConsoleConfig config) {
        SessionStore sessions = new SessionStore(config.sessionTimeout(), config.clock());
        ThreadLocal<String> remote = new ThreadLocal<>();
        Weld weld = new Weld("petrel-console-" + UUID.randomUUID())
                .disableDiscovery()
                .skipShutdownHook()
                .addExtension(new ProvidedBeans(admin, config, sessions, remote::get));
        COMPONENTS.forEach(weld::addBeanClass);
        SERVICES.forEach(weld::addBeanClass);
        WeldContainer container = weld.initialize();
        try {
            ResourceConfig resources = new ResourceConfig();
            for (Class<?> component : COMPONENTS) {
                resources.register(container.select(component).get());
            }
            resources.register(RolesAllowedDynamicFeature.class);
            resources.register(JacksonFeature.class);
            resources.register(ErrorMappers.Management.class);
            resources.register(ErrorMappers.BadArgument.class);
            resources.register(ErrorMappers.Web.class);
            resources.register(ErrorMappers.Unexpected.class);
            GrizzlyHttpContainer jersey = ContainerFactory.createContainer(GrizzlyHttpContainer.class, resources);

            HttpServer server = new HttpServer();
            NetworkListener listener = new NetworkListener("petrel-console", config.bindAddress(), config.port());
            server.addListener(listener);
            server.getServerConfiguration().addHttpHandler(new RemoteAddressHandler(jersey, remote), "/");
            server.getServerConfiguration().setName("petrel-console");
            server.getServerConfiguration().setJmxEnabled(false);
            try {
                server.start();
            } catch (IOException e) {
                throw new UncheckedIOException("console could not listen on " + config.bindAddress() + ":"
                        + config.port() + ": " + e.getMessage(), e);
            }
            ConsoleServer console = new ConsoleServer(container, server, listener);
            LOG.info("Petrel console listening on {}", console.baseUri());
            return console;
        } catch (RuntimeException e) {
            container.shutdown();
            throw e;
        }
    }

    /** The port the console listens on (the real one when configured with 0). */
    public int port() {
        return listener.getPort();
    }

    /** {@code http://<bind address>:<port>/}. */
    public URI baseUri() {
        return URI.create("http://" + hostForUri(listener.getHost()) + ":" + port() + "/");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        try {
            server.shutdownNow();
        } catch (RuntimeException e) {
            failure = e;
        }
        try {
            container.shutdown();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** Tells the request's thread the client's address, for the audit log, then lets Jersey handle it. */
    private static final class RemoteAddressHandler extends HttpHandler {
        private final GrizzlyHttpContainer jersey;
        private final ThreadLocal<String> remote;

        RemoteAddressHandler(GrizzlyHttpContainer jersey, ThreadLocal<String> remote) {
            this.jersey = jersey;
            this.remote = remote;
        }

        @Override
        public void start() {
            jersey.start();
        }

        @Override
        public void destroy() {
            jersey.destroy();
        }

        @Override
        public void service(Request request, Response response) throws Exception {
            remote.set(request.getRemoteAddr());
            try {
                jersey.service(request, response);
            } finally {
                remote.remove();
            }
        }
    }
}
