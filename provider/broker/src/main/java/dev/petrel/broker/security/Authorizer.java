package dev.petrel.broker.security;

import jakarta.jms.JMSSecurityException;

/**
 * Decides whether an authenticated user may perform an action on a destination. Called by the
 * broker on client threads; implementations must be thread-safe and fast (they run on every send).
 */
@FunctionalInterface
public interface Authorizer {

    /** Allows everything (the default until security is configured). */
    Authorizer ALLOW_ALL = (user, action, destination) -> { };

    /**
     * Returns normally when {@code user} may perform {@code action} on {@code destination} (the
     * destination's name; for {@link Action#CREATE_TEMPORARY} the generated name); otherwise throws
     * {@code JMSSecurityException} naming the user, the action and the destination.
     */
    void authorize(String user, Action action, String destination) throws JMSSecurityException;
}
