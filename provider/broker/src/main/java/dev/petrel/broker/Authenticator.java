package dev.petrel.broker;

import jakarta.jms.JMSSecurityException;

/**
 * Decides whether a user may connect: the one seam security plugs into. Called on the connecting
 * thread; implementations must be thread-safe.
 */
@FunctionalInterface
public interface Authenticator {

    /** Accepts every user name and password (the default until security is configured). */
    Authenticator ACCEPT_ALL = (username, password) -> { };

    /** Returns normally when the credentials are accepted; throws {@code JMSSecurityException} saying why not. */
    void authenticate(String username, String password) throws JMSSecurityException;
}
