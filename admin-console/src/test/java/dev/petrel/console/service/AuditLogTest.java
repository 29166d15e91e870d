package dev.petrel.console.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AuditLogTest {

    @Test
    void quotedValuesCannotStartAForgedLogLine() {
        assertEquals("\"evil\\u000a user=\\\"root\\\"\"", AuditLog.quote("evil\n user=\"root\""));
    }

    @Test
    void absentValuesAreWrittenAsADash() {
        assertEquals("-", AuditLog.quote(null));
    }
}
