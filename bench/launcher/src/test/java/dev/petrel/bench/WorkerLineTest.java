package dev.petrel.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerLineTest {

    @Test
    void resultLineSurvivesFormatAndParse() {
        WorkerLine line = WorkerLine.result("queue-1to1", "rate", 2413.5);
        assertEquals(Optional.of(line), WorkerLine.parse(line.format()));
    }

    @Test
    void failureLineSurvivesFormatAndParseWithItsTabsAndNewlinesFlattened() {
        WorkerLine parsed = WorkerLine.parse(WorkerLine.failure("backlog", "lost\t3\nmessages").format()).orElseThrow();
        assertTrue(parsed.isFailure());
        assertEquals("lost 3 messages", parsed.failure());
    }

    @Test
    void linesThatAreNotProtocolAreIgnored() {
        assertEquals(Optional.empty(), WorkerLine.parse("INFO some library printed this"));
    }

    @Test
    void settingsSurviveTheWorkerCommandLine() {
        Settings settings = Settings.full().withSyncNanos(123_456);
        assertEquals(settings, Settings.fromArguments(settings.toArguments()));
    }

    @Test
    void settingWithoutANumberIsRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Settings.fromArguments(List.of("backlog=lots")));
    }
}
