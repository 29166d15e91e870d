package dev.petrel.transport.failover;

import dev.petrel.transport.BrokerUrl;
import dev.petrel.transport.Transports;
import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverOptionsTest {

    @Test
    void optionsOfAFailoverUrlAreParsed() throws JMSException {
        BrokerUrl url = BrokerUrl.parse("failover:(tcp://a:1,tcp://b:2)?initialReconnectDelay=10&maxReconnectDelay=80"
                + "&maxReconnectAttempts=7&randomize=false&reconnectTimeout=1500");

        FailoverOptions options = FailoverOptions.parse(url.options());

        assertEquals(new FailoverOptions(10, 80, 7, false, 1500), options);
    }

    @Test
    void absentOptionsTakeTheirDefaults() throws JMSException {
        assertEquals(new FailoverOptions(100, 5_000, 20, true, 30_000), FailoverOptions.parse(Map.of()));
    }

    @Test
    void nonNumericOptionIsRejectedNamingTheOptionAndValue() {
        JMSException e = assertThrows(JMSException.class,
                () -> FailoverOptions.parse(Map.of("maxReconnectAttempts", "many")));
        assertTrue(e.getMessage().contains("maxReconnectAttempts='many'"), e.getMessage());
    }

    @Test
    void zeroAttemptsAreRejectedWithTheAllowedRange() {
        JMSException e = assertThrows(JMSException.class,
                () -> FailoverOptions.parse(Map.of("maxReconnectAttempts", "0")));
        assertTrue(e.getMessage().contains("between 1 and"), e.getMessage());
    }

    @Test
    void maxDelaySmallerThanInitialDelayIsRejected() {
        JMSException e = assertThrows(JMSException.class,
                () -> FailoverOptions.parse(Map.of("initialReconnectDelay", "500", "maxReconnectDelay", "100")));
        assertTrue(e.getMessage().contains("maxReconnectDelay=100"), e.getMessage());
    }

    @Test
    void randomizeAcceptsOnlyTrueOrFalse() {
        JMSException e = assertThrows(JMSException.class, () -> FailoverOptions.parse(Map.of("randomize", "yes")));
        assertTrue(e.getMessage().contains("randomize='yes'"), e.getMessage());
    }

    @Test
    void delayDoublesFromTheInitialDelayUpToTheMaximum() {
        FailoverOptions options = new FailoverOptions(10, 50, 10, false, 1000);

        assertEquals(0, options.delayBefore(1));
        assertEquals(10, options.delayBefore(2));
        assertEquals(20, options.delayBefore(3));
        assertEquals(40, options.delayBefore(4));
        assertEquals(50, options.delayBefore(5));
        assertEquals(50, options.delayBefore(9));
    }

    @Test
    void failoverSchemeIsServedThroughTheServiceLoader() throws JMSException {
        assertInstanceOf(FailoverTransportFactory.class, Transports.forScheme("failover"));
    }

    @Test
    void randomizeFalseKeepsTheMemberOrder() throws JMSException {
        BrokerUrl url = BrokerUrl.parse("failover:(tcp://a:1,tcp://b:2,tcp://c:3)");
        MemberConnector connector = new MemberConnector(url.members(), new FailoverOptions(1, 1, 1, false, 1), null, null);

        assertEquals(url.members(), connector.members());
        assertFalse(connector.members().isEmpty());
    }
}
