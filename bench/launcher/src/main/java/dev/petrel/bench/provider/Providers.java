package dev.petrel.bench.provider;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every provider the benchmark knows, in table-column order. Stateless. */
public final class Providers {

    private static final String PACKAGE = "dev.petrel.bench.provider.";
    /** Not run unless named: Petrel over tcp with DUPS_OK consumers. */
    public static final String PETREL_TCP_DUPS_OK = "petrel-tcp-dupsok";

    private static final List<ProviderInfo> ALL = List.of(
            new ProviderInfo("petrel-vm", "Petrel in-VM", true, true, "vm", "petrel", PACKAGE + "PetrelVmProvider"),
            // PETREL-TCP: Petrel's broker with its TCP listener, clients over tcp://127.0.0.1.
            new ProviderInfo("petrel-tcp", "Petrel tcp", true, true, "tcp", "petrel", PACKAGE + "PetrelTcpProvider"),
            new ProviderInfo("artemis-tcp", "Artemis tcp", true, false, "tcp", "artemis", PACKAGE + "ArtemisTcpProvider"),
            new ProviderInfo("classic-kahadb-tcp", "Classic KahaDB tcp", true, false, "tcp", "classic",
                    PACKAGE + "ClassicKahaDbProvider"),
            new ProviderInfo("classic-jdbc-tcp", "Classic JDBC/H2 tcp (no fsync)", false, false, "tcp", "classic",
                    PACKAGE + "ClassicJdbcProvider"),
            new ProviderInfo("artemis-vm", "Artemis in-VM", true, false, "vm", "artemis", PACKAGE + "ArtemisVmProvider"),
            // Opt-in: Petrel tcp with DUPS_OK consumers, like for like with the peers' asynchronous acknowledgements.
            new ProviderInfo(Providers.PETREL_TCP_DUPS_OK, "Petrel tcp, DUPS_OK consumers", true, true, "tcp", "petrel",
                    PACKAGE + "PetrelTcpDupsOkProvider"));

    /** The providers a run measures when none are named: all but the opt-in DUPS_OK column. */
    public static final List<String> DEFAULT_IDS = ALL.stream().map(ProviderInfo::id)
            .filter(id -> !id.equals(Providers.PETREL_TCP_DUPS_OK)).toList();

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
