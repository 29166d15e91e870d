package dev.petrel.console;

import dev.petrel.console.security.ConsoleAuthenticator;
import dev.petrel.console.security.RemoteAddress;
import dev.petrel.console.security.SessionStore;
import dev.petrel.management.BrokerAdmin;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * CDI extension that makes the objects the console is started with (the broker's admin, the
 * configuration and what is derived from it) injectable into the console's beans. One instance per
 * console; its container lives as long as the {@link ConsoleServer}.
 */
final class ProvidedBeans implements Extension {

    private final BrokerAdmin admin;
    private final ConsoleConfig config;
    private final SessionStore sessions;
    private final RemoteAddress remoteAddress;

    ProvidedBeans(BrokerAdmin admin, ConsoleConfig config, SessionStore sessions, RemoteAddress remoteAddress) {
        this.admin = admin;
        this.config = config;
        this.sessions = sessions;
        this.remoteAddress = remoteAddress;
    }

    void addBeans(@Observes AfterBeanDiscovery event) {
        event.addBean().types(BrokerAdmin.class, Object.class).scope(Singleton.class).createWith(c -> admin);
        event.addBean().types(ConsoleConfig.class, Object.class).scope(Singleton.class).createWith(c -> config);
        event.addBean().types(ConsoleAuthenticator.class, Object.class).scope(Singleton.class)
                .createWith(c -> config.authenticator());
        event.addBean().types(Clock.class, Object.class).scope(Singleton.class).createWith(c -> config.clock());
        event.addBean().types(SessionStore.class, Object.class).scope(Singleton.class).createWith(c -> sessions);
        event.addBean().types(RemoteAddress.class, Object.class).scope(Singleton.class).createWith(c -> remoteAddress);
    }
}
