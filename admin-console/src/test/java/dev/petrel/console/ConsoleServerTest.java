package dev.petrel.console;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.console.fixture.ConsoleFixture;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConsoleServerTest {

    @RegisterExtension
    final ConsoleFixture fixture = new ConsoleFixture();

    @Test
    void configurationWithoutUsersIsRejectedWithEveryProblemListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConsoleConfig.builder().port(70_000).sessionTimeout(Duration.ZERO).build());
        assertTrue(e.getMessage().contains("port must be 0 to 65535, was 70000"), e.getMessage());
        assertTrue(e.getMessage().contains("sessionTimeout must be positive"), e.getMessage());
        assertTrue(e.getMessage().contains("no console users"), e.getMessage());
    }

    @Test
    void aSecondConsoleOnATakenPortFailsNamingTheAddress() {
        ConsoleConfig config = ConsoleConfig.builder().port(fixture.server().port())
                .authenticator((user, password) -> java.util.Optional.empty()).build();
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ConsoleServer.start(fixture.admin(), config));
        assertTrue(e.getMessage().contains("127.0.0.1:" + fixture.server().port()), e.getMessage());
    }

    @Test
    void closingTwiceIsHarmless() {
        fixture.server().close();
        assertDoesNotThrow(fixture.server()::close);
    }
}
