package dev.petrel.bench.provider;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every provider the benchmark knows, in table-column order. Stateless. */
public final class Providers {

    private static final List<ProviderInfo> ALL = List.of(
            new ProviderInfo("petrel-vm", "Petrel in-VM", true, true, PetrelVmProvider::new),
            // PETREL-TCP: the column for Petrel over tcp://, off by default until the TCP transport lands.
            new ProviderInfo("petrel-tcp", "Petrel tcp", true, true, PetrelTcpProvider::new),
            new ProviderInfo("artemis-tcp", "Artemis tcp", true, false, () -> new ArtemisProvider(false)),
            new ProviderInfo("classic-kahadb-tcp", "Classic KahaDB tcp", true, false, ClassicKahaDbProvider::new),
            new ProviderInfo("classic-jdbc-tcp", "Classic JDBC/H2 tcp (no fsync)", false, false, ClassicJdbcProvider::new),
            new ProviderInfo("artemis-vm", "Artemis in-VM", true, false, () -> new ArtemisProvider(true)));

    /** The providers a run measures when none are named. */
    public static final List<String> DEFAULT_IDS =
            List.of("petrel-vm", "artemis-tcp", "classic-kahadb-tcp", "classic-jdbc-tcp", "artemis-vm");

    private Providers() {
    }

    public static List<ProviderInfo> all() {
        return ALL;
    }

    public static Optional<ProviderInfo> byId(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static ProviderInfo require(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown provider '" + id
                + "'; known: " + ALL.stream().map(ProviderInfo::id).collect(Collectors.joining(", "))));
    }
}
