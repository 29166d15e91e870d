package dev.petrel.bench.provider;

/** Artemis embedded, clients in-VM. */
final class ArtemisVmProvider extends ArtemisProvider {
    ArtemisVmProvider() {
        super(true);
    }
}
