package dev.petrel.console.security;

/** Tells the address of the client of the request being handled on the calling thread. */
@FunctionalInterface
public interface RemoteAddress {

    /** The client's address, or null when unknown. */
    String current();
}
