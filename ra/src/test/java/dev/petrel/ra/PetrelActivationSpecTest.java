package dev.petrel.ra;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.spi.InvalidPropertyException;
import org.junit.jupiter.api.Test;

class PetrelActivationSpecTest {

    @Test
    void specWithoutDestinationOrLookupIsRejectedNamingBoth() {
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, () -> new PetrelActivationSpec().validate());
        assertTrue(e.getMessage().contains("destination or destinationLookup"), e.getMessage());
    }

    @Test
    void durableSubscriptionWithoutNameIsRejected() {
        PetrelActivationSpec spec = new PetrelActivationSpec();
        spec.setDestination("t");
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        spec.setClientId("c");
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertTrue(e.getMessage().contains("subscriptionName"), e.getMessage());
    }

    @Test
    void unknownDestinationTypeIsRejectedWithTheValue() {
        PetrelActivationSpec spec = new PetrelActivationSpec();
        spec.setDestination("q");
        spec.setDestinationType("jakarta.jms.Stream");
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, spec::validate);
        assertTrue(e.getMessage().contains("'jakarta.jms.Stream'"), e.getMessage());
    }

    @Test
    void unsharedTopicSubscriptionRunsOneSessionWhateverMaxSessionsSays() {
        PetrelActivationSpec spec = new PetrelActivationSpec();
        spec.setDestination("t");
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setMaxSessions(5);
        assertDoesNotThrow(spec::validate);
        assertEquals(1, spec.effectiveSessions());
    }

    @Test
    void queueRunsMaxSessions() {
        PetrelActivationSpec spec = new PetrelActivationSpec();
        spec.setDestination("q");
        spec.setMaxSessions(3);
        assertEquals(3, spec.effectiveSessions());
    }
}
