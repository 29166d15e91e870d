package dev.petrel.broker.config;

import dev.petrel.broker.security.PasswordHash;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest {
    private static final Path FILE = Path.of("petrel.conf");
    private static final Path HOME = Path.of("/opt/petrel");

    private static PetrelConfig parse(String... lines) throws ConfigException {
        return ConfigLoader.parse(FILE, List.of(lines), HOME);
    }

    private static List<ConfigException.Problem> problems(String... lines) {
        return assertThrows(ConfigException.class, () -> parse(lines)).problems();
    }

    @Test
    void emptyFileGivesLoopbackDefaultsWithoutSecurity() throws Exception {
        PetrelConfig config = parse();
        assertEquals("127.0.0.1", config.bindHost());
        assertEquals(61616, config.tcpPort());
        assertEquals(PetrelConfig.OFF, config.sslPort());
        assertEquals(HOME.resolve("data"), config.dataDirectory());
        assertNull(config.security());
    }

    @Test
    void policiesApplyToTheirPatternAndInheritTheDefaultPolicy() throws Exception {
        PetrelConfig config = parse(
                "policy.default.maxDeliveryAttempts = 7",
                "policy.orders.match = orders.*",
                "policy.orders.deadLetterQueue = orders.DLQ",
                "policy.orders.expiryQueue = none",
                "broker.memoryLimit = 64m");
        assertEquals(7, config.broker().policyFor("orders.eu").maxDeliveryAttempts());
        assertEquals("orders.DLQ", config.broker().policyFor("orders.eu").deadLetterQueue());
        assertNull(config.broker().policyFor("orders.eu").expiryQueue());
        assertEquals("DLQ", config.broker().policyFor("other").deadLetterQueue());
        assertEquals(64L << 20, config.broker().memoryLimitBytes());
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        List<ConfigException.Problem> problems = problems(
                "# comment",
                "server.tcp.port = seventy",
                "no equals sign here",
                "broker.memoryLimit = lots",
                "server.tcp.prot = 1",
                "security.enabled = maybe");
        assertEquals(List.of(2, 3, 4, 5, 6), problems.stream().map(ConfigException.Problem::line).toList());
        assertTrue(problems.get(0).message().contains("server.tcp.port = 'seventy'"), problems.get(0).message());
    }

    @Test
    void duplicateKeyNamesTheFirstLine() {
        List<ConfigException.Problem> problems = problems("broker.name = a", "broker.name = b");
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("first on line 1"));
    }

    @Test
    void publicBindHostWithoutSecurityIsRefused() {
        List<ConfigException.Problem> problems = problems("server.bindHost = 0.0.0.0");
        assertTrue(problems.get(0).message().contains("security.enabled = true"), problems.get(0).message());
    }

    @Test
    void sslPortWithoutKeyStoreIsRefused() {
        List<ConfigException.Problem> problems = problems("server.ssl.port = 61617");
        assertTrue(problems.get(0).message().contains("key store"), problems.get(0).message());
    }

    @Test
    void malformedPasswordHashIsReportedWithoutEchoingIt() {
        List<ConfigException.Problem> problems = problems("security.enabled = true",
                "user.alice.password = secret-in-clear", "user.alice.roles = app");
        ConfigException.Problem hashProblem = problems.stream().filter(p -> p.line() == 2).findFirst().orElseThrow();
        assertTrue(hashProblem.message().contains("pbkdf2-sha256"), hashProblem.message());
        assertFalse(hashProblem.message().contains("secret-in-clear"));
    }

    @Test
    void permissionNamingARoleNoUserHoldsIsRefused() {
        String hash = PasswordHash.create("pw".toCharArray(), 10_000).toString();
        List<ConfigException.Problem> problems = problems("security.enabled = true",
                "user.alice.password = " + hash, "user.alice.roles = app",
                "permission.all.match = *", "permission.all.send = apps");
        assertEquals(5, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("role 'apps'"));
    }

    @Test
    void securityWithUsersAndPermissionsLoads() throws Exception {
        String hash = PasswordHash.create("pw".toCharArray(), 10_000).toString();
        PetrelConfig config = parse("security.enabled = true",
                "user.alice.password = " + hash, "user.alice.roles = app",
                "permission.all.match = *", "permission.all.send = app");
        assertTrue(config.securityEnabled());
    }

    @Test
    void consoleIsOffWhenNoPortIsConfigured() throws Exception {
        assertNull(parse().console());
    }

    @Test
    void consoleGetsItsPortDefaultRolesAndEveryConfiguredUser() throws Exception {
        String hash = PasswordHash.create("pw".toCharArray(), 10_000).toString();
        PetrelConfig config = parse("server.console.port = 8161",
                "user.alice.password = " + hash, "user.alice.roles = admin");
        assertEquals(8161, config.console().port());
        assertEquals(java.util.Set.of("admin"), config.console().adminRoles());
        assertEquals(java.util.Set.of("viewer"), config.console().viewerRoles());
        assertEquals("alice", config.console().users().get(0).name());
    }

    @Test
    void disabledConsoleIsOffWhateverItsPort() throws Exception {
        assertNull(parse("server.console.enabled = false", "server.console.port = 8161").console());
    }

    @Test
    void enabledConsoleWithoutPortIsRefusedWithItsLine() {
        List<ConfigException.Problem> problems = problems("broker.name = b", "server.console.enabled = true");
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("server.console.port"), problems.get(0).message());
    }

    @Test
    void emptyConsoleAdminRolesAreRefused() {
        List<ConfigException.Problem> problems = problems("server.console.port = 8161", "server.console.adminRoles =");
        assertEquals(2, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("at least one role"), problems.get(0).message());
    }

    @Test
    void consolePortEqualToTheTcpPortIsRefused() {
        List<ConfigException.Problem> problems = problems("server.console.port = 61616");
        assertTrue(problems.get(0).message().contains("same port"), problems.get(0).message());
    }
}
