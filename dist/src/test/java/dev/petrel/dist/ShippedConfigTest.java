package dev.petrel.dist;

import dev.petrel.broker.config.ConfigLoader;
import dev.petrel.broker.config.PetrelConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShippedConfigTest {
    private static final Path SHIPPED = Path.of("src/main/dist/conf/petrel.conf");

    @Test
    void shippedConfigurationIsValidAndListensOnLoopbackTcp() throws Exception {
        PetrelConfig config = ConfigLoader.load(SHIPPED, Path.of("/opt/petrel"));
        assertEquals("127.0.0.1", config.bindHost());
        assertEquals(61616, config.tcpPort());
        assertEquals(Path.of("/opt/petrel/data"), config.dataDirectory());
        assertFalse(config.securityEnabled());
    }

    @Test
    void shippedConfigurationServesTheConsoleOnPort8161WithDefaultRoles() throws Exception {
        PetrelConfig config = ConfigLoader.load(SHIPPED, Path.of("/opt/petrel"));
        assertEquals(8161, config.console().port());
        assertEquals(java.util.Set.of("admin"), config.console().adminRoles());
        assertEquals(java.util.Set.of("viewer"), config.console().viewerRoles());
    }

    @Test
    void configOptionNamesTheFile() {
        assertEquals(Path.of("/x/p.conf"), PetrelServer.configFile(new String[] {"--config", "/x/p.conf"}, Path.of("/opt/petrel")));
    }

    @Test
    void unknownServerArgumentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PetrelServer.configFile(new String[] {"--conf"}, Path.of("/opt/petrel")));
    }

    @Test
    void sendRateTakesTcpAndNonPersistentFlagsBesideThePositionalArguments() {
        SendRateOptions options = SendRateOptions.parse(new String[] {"--tcp", "--non-persistent", "1,4", "5"});
        assertEquals(5, options.seconds());
        assertEquals(4, options.producerCounts()[1]);
        assertFalse(options.persistent());
    }
}
