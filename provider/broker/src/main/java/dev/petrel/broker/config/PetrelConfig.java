package dev.petrel.broker.config;

import dev.petrel.broker.BrokerConfig;
import dev.petrel.broker.security.RoleBasedSecurity;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated {@code petrel.conf}: everything the standalone server needs. Immutable.
 *
 * @param source           the file it was read from
 * @param bindHost         the interface the listeners bind to
 * @param tcpPort          the tcp:// port, or {@link #OFF}
 * @param sslPort          the ssl:// port, or {@link #OFF}
 * @param tls              the ssl:// listener's key store (set whenever {@code sslPort} is on) and client-certificate settings
 * @param consolePort      reserved for the admin console, or {@link #OFF}; not opened by the server yet
 * @param dataDirectory    the store's directory (absolute)
 * @param broker           name, memory limits, auto-creation and destination policies
 * @param queues           queues created at start-up
 * @param maxMessages      destination pattern to its configured maximum message count (not enforced yet)
 * @param security         users, roles and permissions, or null when security is disabled
 */
public record PetrelConfig(Path source, String bindHost, int tcpPort, int sslPort, Tls tls, int consolePort, Path dataDirectory, BrokerConfig broker,
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
