package dev.petrel.broker.config;

import dev.petrel.broker.BrokerConfig;
import dev.petrel.broker.security.RoleBasedSecurity;
import dev.petrel.broker.security.UserAccount;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated {@code petrel.conf}: everything the standalone server needs. Immutable.
 *
 * @param source           the file it was read from
 * @param bindHost         the interface the listeners bind to
 * @param tcpPort          the tcp:// port, or {@link #OFF}
 * @param sslPort          the ssl:// port, or {@link #OFF}
 * @param tls              the ssl:// listener's key store (set whenever {@code sslPort} is on) and client-certificate settings
 * @param console          the admin console's settings, or null when it is off
 * @param dataDirectory    the store's directory (absolute)
 * @param broker           name, memory limits, auto-creation and destination policies
 * @param queues           queues created at start-up
 * @param maxMessages      destination pattern to its configured maximum message count (not enforced yet)
 * @param security         users, roles and permissions, or null when security is disabled
 */
public record PetrelConfig(Path source, String bindHost, int tcpPort, int sslPort, Tls tls, Console console, Path dataDirectory, BrokerConfig broker,
                           List<String> queues, Map<String, Long> maxMessages, RoleBasedSecurity security) {
    /**
     * TLS settings of the ssl:// listener.
     *
     * @param keyStore           key store with the server's key and certificate (PKCS12 or JKS)
     * @param keyStorePassword   its password
     * @param trustStore         certificates client certificates are checked against, or null
     * @param trustStorePassword its password
     * @param needClientAuth     whether clients must present a trusted certificate
     */
    public record Tls(Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                      boolean needClientAuth) {
        @Override
        public String toString() {
            return "Tls[keyStore=" + keyStore + ", trustStore=" + trustStore + ", needClientAuth=" + needClientAuth + "]";
        }
    }

    /**
     * The web admin console ({@code server.console.*}).
     *
     * @param port        the HTTP port (0 picks a free one); bound to the server's bind host
     * @param adminRoles  broker roles whose holders log in to the console as {@code admin}
     * @param viewerRoles broker roles whose holders log in as {@code viewer} (unless also admin)
     * @param users       every configured user ({@code user.<name>.*}), whether or not security is enabled
     */
    public record Console(int port, Set<String> adminRoles, Set<String> viewerRoles, List<UserAccount> users) {
        public Console {
            adminRoles = Set.copyOf(adminRoles);
            viewerRoles = Set.copyOf(viewerRoles);
            users = List.copyOf(users);
        }
    }

    /** A port that is switched off. */
    public static final int OFF = -1;

    public PetrelConfig {
        queues = List.copyOf(queues);
        maxMessages = Map.copyOf(maxMessages);
    }

    public boolean securityEnabled() {
        return security != null;
    }

    @Override
    public String toString() {
        return "PetrelConfig[" + source + ", bind " + bindHost + ", tcp " + tcpPort + ", ssl " + sslPort
                + ", data " + dataDirectory + ", broker " + broker.name() + ", security " + (security != null) + "]";
    }
}
