package dev.petrel.broker.config;

import dev.petrel.broker.BrokerConfig;
import dev.petrel.broker.DestinationPolicy;
import dev.petrel.broker.security.Action;
import dev.petrel.broker.security.NamePattern;
import dev.petrel.broker.security.PasswordHash;
import dev.petrel.broker.security.Permission;
import dev.petrel.broker.security.RoleBasedSecurity;
import dev.petrel.broker.security.UserAccount;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads and validates {@code petrel.conf} (the shipped file documents every key). Checks ALL of it
 * and throws one {@link ConfigException} listing every problem with its line. Relative paths are
 * resolved against a base directory (the distribution's home). Not thread-safe; one per load.
 */
public final class ConfigLoader {
    private static final Set<String> POLICY_KEYS = Set.of("match", "maxDeliveryAttempts", "deadLetterQueue",
            "expiryQueue", "maxMessages");
    private static final Set<String> TOP_KEYS = Set.of("server.bindHost", "server.tcp.port", "server.ssl.port",
            "server.ssl.keyStore", "server.ssl.keyStorePassword", "server.ssl.trustStore",
            "server.ssl.trustStorePassword", "server.ssl.needClientAuth", "server.console.enabled", "server.console.port",
            "server.console.adminRoles", "server.console.viewerRoles", "broker.name",
            "broker.dataDirectory", "broker.memoryLimit", "broker.queueMemoryLimit", "broker.memoryWaitMillis",
            "broker.autoCreateDestinations", "broker.queues", "security.enabled", "security.temporary");

    private final ConfigFile file;
    private final Path baseDirectory;
    private final List<UserAccount> allUsers = new ArrayList<>();

    private ConfigLoader(ConfigFile file, Path baseDirectory) {
        this.file = file;
        this.baseDirectory = baseDirectory;
    }

    /** Reads {@code path}; relative paths in it resolve against {@code baseDirectory}. */
    public static PetrelConfig load(Path path, Path baseDirectory) throws ConfigException {
        return new ConfigLoader(ConfigFile.read(path), baseDirectory).validate();
    }

    /** Validates already-read lines (tests). */
    static PetrelConfig parse(Path path, List<String> lines, Path baseDirectory) throws ConfigException {
        return new ConfigLoader(ConfigFile.parse(path, lines), baseDirectory).validate();
    }

    private PetrelConfig validate() throws ConfigException {
        Map<String, ConfigFile.Entry> entries = file.entries();
        for (ConfigFile.Entry e : entries.values()) {
            if (!known(e.key())) {
                file.problem(e.line(), "unknown key '" + e.key() + "'");
            }
        }
        String bindHost = text("server.bindHost", "127.0.0.1");
        int tcpPort = port("server.tcp.port", 61616);
        int sslPort = port("server.ssl.port", PetrelConfig.OFF);
        boolean consoleEnabled = bool("server.console.enabled", true);
        int consolePort = consoleEnabled ? port("server.console.port", PetrelConfig.OFF) : PetrelConfig.OFF;
        if (consoleEnabled && consolePort == PetrelConfig.OFF && file.entries().containsKey("server.console.enabled")) {
            file.problem(line("server.console.enabled"), "server.console.enabled = true needs server.console.port (e.g. 8161)");
        }
        Path keyStore = null;
        String keyStorePassword = text("server.ssl.keyStorePassword", null);
        ConfigFile.Entry keyStoreEntry = entries.get("server.ssl.keyStore");
        if (keyStoreEntry != null) {
            keyStore = baseDirectory.resolve(keyStoreEntry.value()).toAbsolutePath().normalize();
            if (!Files.isReadable(keyStore)) {
                file.problem(keyStoreEntry.line(), "server.ssl.keyStore: " + keyStore + " does not exist or is not readable");
            }
        }
        Path trustStore = null;
        ConfigFile.Entry trustStoreEntry = entries.get("server.ssl.trustStore");
        if (trustStoreEntry != null) {
            trustStore = baseDirectory.resolve(trustStoreEntry.value()).toAbsolutePath().normalize();
            if (!Files.isReadable(trustStore)) {
                file.problem(trustStoreEntry.line(), "server.ssl.trustStore: " + trustStore + " does not exist or is not readable");
            }
        }
        boolean needClientAuth = bool("server.ssl.needClientAuth", false);
        if (needClientAuth && trustStoreEntry == null) {
            file.problem(line("server.ssl.needClientAuth"), "server.ssl.needClientAuth = true needs server.ssl.trustStore (the certificates clients are checked against)");
        }
        if (sslPort != PetrelConfig.OFF && keyStoreEntry == null) {
            file.problem(entries.get("server.ssl.port").line(), "server.ssl.port is set but server.ssl.keyStore is not: TLS needs a key store");
        }
        if (sslPort != PetrelConfig.OFF && keyStoreEntry != null && keyStorePassword == null) {
            file.problem(keyStoreEntry.line(), "server.ssl.keyStore is set but server.ssl.keyStorePassword is not");
        }
        checkDistinctPorts(tcpPort, sslPort, consolePort);
        if (tcpPort == PetrelConfig.OFF && sslPort == PetrelConfig.OFF) {
            file.problem(line("server.tcp.port"), "both server.tcp.port and server.ssl.port are off: clients could not connect");
        }

        String name = text("broker.name", "petrel");
        if (!name.matches("[A-Za-z0-9_.\\-]+")) {
            file.problem(line("broker.name"), "broker.name '" + name + "' may contain only letters, digits and . _ -");
            name = "petrel";
        }
        Path dataDirectory = baseDirectory.resolve(text("broker.dataDirectory", "data")).toAbsolutePath().normalize();
        long memoryLimit = size("broker.memoryLimit", 256L << 20);
        long queueMemoryLimit = size("broker.queueMemoryLimit", 16L << 20);
        if (queueMemoryLimit > memoryLimit) {
            file.problem(line("broker.queueMemoryLimit"), "broker.queueMemoryLimit (" + queueMemoryLimit
                    + " bytes) must not exceed broker.memoryLimit (" + memoryLimit + " bytes)");
        }
        long memoryWaitMillis = integer("broker.memoryWaitMillis", (int) BrokerConfig.DEFAULT_MEMORY_WAIT_MILLIS,
                0, 3_600_000);
        boolean autoCreate = bool("broker.autoCreateDestinations", true);
        List<String> queues = list("broker.queues");

        Map<String, Long> maxMessages = new LinkedHashMap<>();
        DestinationPolicy defaultPolicy = policy("default", DestinationPolicy.DEFAULT, maxMessages, "*");
        Map<String, DestinationPolicy> policies = new LinkedHashMap<>();
        for (String id : groupIds("policy.")) {
            if (id.equals("default")) {
                continue;
            }
            ConfigFile.Entry match = entries.get("policy." + id + ".match");
            if (match == null || match.value().isEmpty()) {
                file.problem(firstLine("policy." + id + "."), "policy '" + id + "' has no 'policy." + id + ".match' (the destination pattern it applies to)");
                continue;
            }
            DestinationPolicy policy = policy(id, defaultPolicy, maxMessages, match.value());
            if (policies.put(match.value(), policy) != null) {
                file.problem(match.line(), "pattern '" + match.value() + "' is already used by another policy");
            }
        }

        boolean securityEnabled = bool("security.enabled", false);
        RoleBasedSecurity security = security(securityEnabled);
        checkExposure(bindHost, securityEnabled);
        PetrelConfig.Console console = console(consolePort);

        if (!file.problems().isEmpty()) {
            List<ConfigException.Problem> sorted = new ArrayList<>(file.problems());
            sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new ConfigException(file.path(), sorted);
        }
        BrokerConfig broker = new BrokerConfig(name, autoCreate, memoryLimit, queueMemoryLimit, defaultPolicy, policies,
                memoryWaitMillis);
        return new PetrelConfig(file.path(), bindHost, tcpPort, sslPort,
                new PetrelConfig.Tls(keyStore, keyStorePassword, trustStore, text("server.ssl.trustStorePassword", null), needClientAuth),
                console, dataDirectory, broker, queues, maxMessages, security);
    }

    /** The admin console's settings, or null when it is off; its users are every configured user. */
    private PetrelConfig.Console console(int port) {
        Set<String> adminRoles = new LinkedHashSet<>(list("server.console.adminRoles"));
        if (!file.entries().containsKey("server.console.adminRoles")) {
            adminRoles.add("admin");
        } else if (adminRoles.isEmpty()) {
            file.problem(line("server.console.adminRoles"), "server.console.adminRoles must name at least one role (e.g. admin)");
        }
        Set<String> viewerRoles = new LinkedHashSet<>(list("server.console.viewerRoles"));
        if (!file.entries().containsKey("server.console.viewerRoles")) {
            viewerRoles.add("viewer");
        }
        return port == PetrelConfig.OFF ? null : new PetrelConfig.Console(port, adminRoles, viewerRoles, allUsers);
    }

    private boolean known(String key) {
        if (TOP_KEYS.contains(key)) {
            return true;
        }
        String[] parts = key.split("\\.");
        if (parts.length == 3 && parts[0].equals("policy")) {
            return POLICY_KEYS.contains(parts[2]) && !(parts[1].equals("default") && parts[2].equals("match"));
        }
        if (parts.length == 3 && parts[0].equals("user")) {
            return parts[2].equals("password") || parts[2].equals("roles");
        }
        if (parts.length == 3 && parts[0].equals("permission")) {
            return parts[2].equals("match") || Action.fromConfigName(parts[2]) != null
                    && Action.fromConfigName(parts[2]) != Action.CREATE_TEMPORARY;
        }
        return false;
    }

    private DestinationPolicy policy(String id, DestinationPolicy base, Map<String, Long> maxMessages, String pattern) {
        String prefix = "policy." + id + ".";
        int attempts = integer(prefix + "maxDeliveryAttempts", base.maxDeliveryAttempts(), 1, 1_000_000);
        String dlq = text(prefix + "deadLetterQueue", base.deadLetterQueue());
        if (dlq.isEmpty()) {
            file.problem(line(prefix + "deadLetterQueue"), prefix + "deadLetterQueue must name a queue");
            dlq = base.deadLetterQueue();
        }
        String expiry = text(prefix + "expiryQueue", base.expiryQueue() == null ? "none" : base.expiryQueue());
        ConfigFile.Entry max = file.entries().get(prefix + "maxMessages");
        if (max != null) {
            maxMessages.put(pattern, (long) integer(prefix + "maxMessages", 0, 1, Integer.MAX_VALUE));
        }
        return new DestinationPolicy(attempts, dlq, expiry.isEmpty() || expiry.equals("none") ? null : expiry);
    }

    private RoleBasedSecurity security(boolean enabled) {
        Map<String, UserAccount> users = new TreeMap<>();
        Set<String> heldRoles = new HashSet<>();
        for (String name : groupIds("user.")) {
            ConfigFile.Entry password = file.entries().get("user." + name + ".password");
            if (password == null) {
                file.problem(firstLine("user." + name + "."), "user '" + name + "' has no 'user." + name + ".password'");
                continue;
            }
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(password.value());
            } catch (IllegalArgumentException e) {
                file.problem(password.line(), "user." + name + ".password: " + e.getMessage());
                continue;
            }
            Set<String> roles = new LinkedHashSet<>(list("user." + name + ".roles"));
            heldRoles.addAll(roles);
            users.put(name, new UserAccount(name, hash, roles));
            allUsers.add(users.get(name));
        }
        List<Permission> permissions = new ArrayList<>();
        for (String id : groupIds("permission.")) {
            ConfigFile.Entry match = file.entries().get("permission." + id + ".match");
            if (match == null || match.value().isEmpty()) {
                file.problem(firstLine("permission." + id + "."), "permission '" + id + "' has no 'permission." + id + ".match' (the destination pattern it applies to)");
                continue;
            }
            Map<Action, Set<String>> byAction = new EnumMap<>(Action.class);
            for (Action action : Action.values()) {
                String key = "permission." + id + "." + action.configName();
                if (action != Action.CREATE_TEMPORARY && file.entries().containsKey(key)) {
                    Set<String> roles = new LinkedHashSet<>(list(key));
                    checkRolesHeld(key, roles, heldRoles);
                    byAction.put(action, roles);
                }
            }
            permissions.add(new Permission(new NamePattern(match.value()), byAction));
        }
        Set<String> temporaryRoles = new LinkedHashSet<>(list("security.temporary"));
        checkRolesHeld("security.temporary", temporaryRoles, heldRoles);
        if (!enabled) {
            return null;
        }
        if (users.isEmpty()) {
            file.problem(line("security.enabled"), "security.enabled = true but no user is configured (user.<name>.password): nobody could connect");
        }
        return new RoleBasedSecurity(users, permissions, temporaryRoles);
    }

    private void checkRolesHeld(String key, Set<String> roles, Set<String> heldRoles) {
        for (String role : roles) {
            if (!heldRoles.contains(role)) {
                file.problem(line(key), key + ": role '" + role + "' is held by no user (user.<name>.roles)");
            }
        }
    }

    private void checkExposure(String bindHost, boolean securityEnabled) {
        try {
            InetAddress address = InetAddress.getByName(bindHost);
            if (!address.isLoopbackAddress() && !securityEnabled) {
                file.problem(line("server.bindHost"), "server.bindHost = " + bindHost
                        + " exposes the broker beyond this machine, which needs security.enabled = true (users and permissions)");
            }
        } catch (UnknownHostException e) {
            file.problem(line("server.bindHost"), "server.bindHost: unknown host '" + bindHost + "'");
        }
    }

    private void checkDistinctPorts(int tcp, int ssl, int console) {
        int[] ports = {tcp, ssl, console};
        String[] keys = {"server.tcp.port", "server.ssl.port", "server.console.port"};
        for (int i = 0; i < ports.length; i++) {
            for (int j = i + 1; j < ports.length; j++) {
                if (ports[i] != PetrelConfig.OFF && ports[i] != 0 && ports[i] == ports[j]) {
                    file.problem(line(keys[j]), keys[j] + " = " + ports[j] + " is the same port as " + keys[i]);
                }
            }
        }
    }

    /** The ids of {@code prefix<id>.<key>} entries, in order of first appearance. */
    private Set<String> groupIds(String prefix) {
        Set<String> ids = new LinkedHashSet<>();
        for (String key : file.entries().keySet()) {
            if (key.startsWith(prefix) && known(key)) {
                ids.add(key.substring(prefix.length(), key.lastIndexOf('.')));
            }
        }
        return ids;
    }

    private int firstLine(String prefix) {
        return file.entries().values().stream().filter(e -> e.key().startsWith(prefix))
                .mapToInt(ConfigFile.Entry::line).min().orElse(0);
    }

    private int line(String key) {
        ConfigFile.Entry e = file.entries().get(key);
        return e == null ? 0 : e.line();
    }

    private String text(String key, String otherwise) {
        ConfigFile.Entry e = file.entries().get(key);
        return e == null ? otherwise : e.value();
    }

    private List<String> list(String key) {
        String value = text(key, "");
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private boolean bool(String key, boolean otherwise) {
        ConfigFile.Entry e = file.entries().get(key);
        if (e == null) {
            return otherwise;
        }
        if (e.value().equals("true") || e.value().equals("false")) {
            return Boolean.parseBoolean(e.value());
        }
        file.problem(e.line(), key + " = '" + e.value() + "' must be true or false");
        return otherwise;
    }

    private int integer(String key, int otherwise, int min, int max) {
        ConfigFile.Entry e = file.entries().get(key);
        if (e == null) {
            return otherwise;
        }
        try {
            int value = Integer.parseInt(e.value());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the range
        }
        file.problem(e.line(), key + " = '" + e.value() + "' must be a whole number from " + min + " to " + max);
        return otherwise;
    }

    private int port(String key, int otherwise) {
        ConfigFile.Entry e = file.entries().get(key);
        if (e != null && e.value().equals("off")) {
            return PetrelConfig.OFF;
        }
        return e == null ? otherwise : integer(key, otherwise, 0, 65535);
    }

    /** A byte size: a whole number with an optional k, m or g suffix (powers of 1024). */
    private long size(String key, long otherwise) {
        ConfigFile.Entry e = file.entries().get(key);
        if (e == null) {
            return otherwise;
        }
        String value = e.value().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (value.endsWith("k") || value.endsWith("m") || value.endsWith("g")) {
            unit = switch (value.charAt(value.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            value = value.substring(0, value.length() - 1);
        }
        try {
            long number = Long.parseLong(value);
            if (number > 0 && number <= Long.MAX_VALUE / unit) {
                return number * unit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        file.problem(e.line(), key + " = '" + e.value() + "' must be a positive size in bytes, optionally with k, m or g (e.g. 256m)");
        return otherwise;
    }
}
