package dev.petrel.transport;

import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrokerUrlTest {

    @Test
    void vmUrlGivesSchemeAuthorityAndOptions() throws JMSException {
        BrokerUrl url = BrokerUrl.parse("vm://main?prefetch=500&clientID=a%20b");
        assertEquals("vm", url.scheme());
        assertEquals("main", url.uri().getAuthority());
        assertEquals(Map.of("prefetch", "500", "clientID", "a b"), url.options());
        assertFalse(url.isComposite());
    }

    @Test
    void schemeIsLowerCased() throws JMSException {
        assertEquals("tcp", BrokerUrl.parse("TCP://host:61616").scheme());
    }

    @Test
    void urlWithoutQueryHasNoOptions() throws JMSException {
        assertTrue(BrokerUrl.parse("tcp://host:61616").options().isEmpty());
    }

    @Test
    void failoverUrlListsItsMembersAndKeepsItsOwnOptions() throws JMSException {
        BrokerUrl url = BrokerUrl.parse("failover:(tcp://a:1?x=1,tcp://b:2)?randomize=false");
        assertEquals("failover", url.scheme());
        assertEquals(2, url.members().size());
        assertEquals("a:1", url.members().get(0).uri().getAuthority());
        assertEquals(Map.of("x", "1"), url.members().get(0).options());
        assertEquals("b:2", url.members().get(1).uri().getAuthority());
        assertEquals(Map.of("randomize", "false"), url.options());
    }

    @Test
    void urlWithoutSchemeIsRejectedNamingTheUrl() {
        JMSException e = assertThrows(JMSException.class, () -> BrokerUrl.parse("localhost"));
        assertTrue(e.getMessage().contains("'localhost'"), e.getMessage());
    }

    @Test
    void blankUrlIsRejected() {
        assertThrows(JMSException.class, () -> BrokerUrl.parse("  "));
    }

    @Test
    void optionWithoutValueIsRejectedNamingTheOption() {
        JMSException e = assertThrows(JMSException.class, () -> BrokerUrl.parse("vm://a?prefetch"));
        assertTrue(e.getMessage().contains("'prefetch'"), e.getMessage());
    }

    @Test
    void failoverWithoutClosingParenthesisIsRejected() {
        assertThrows(JMSException.class, () -> BrokerUrl.parse("failover:(tcp://a:1"));
    }

    @Test
    void urlWithoutAuthorityIsRejected() {
        assertThrows(JMSException.class, () -> BrokerUrl.parse("vm:broker"));
    }
}
