package dev.petrel.transport;

import java.net.URI;
import java.util.Map;

/**
 * What a client asks for when it opens a connection.
 *
 * @param uri      the broker URL ({@code vm://name}, later {@code tcp://host:port})
 * @param options  the URL's query options, parsed
 * @param username user name, or null
 * @param password password, or null
 */
public record ConnectRequest(URI uri, Map<String, String> options, String username, String password) {
}
