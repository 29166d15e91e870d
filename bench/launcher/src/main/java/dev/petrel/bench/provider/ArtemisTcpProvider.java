package dev.petrel.bench.provider;

/** Artemis embedded, clients over TCP on 127.0.0.1. */
final class ArtemisTcpProvider extends ArtemisProvider {
    ArtemisTcpProvider() {
        super(false);
    }
}
