package dev.petrel.ra;

import jakarta.resource.spi.ConnectionRequestInfo;
import java.util.Objects;

/**
 * The credentials an application passed to {@code createConnection(user, password)}; null fields
 * mean "the factory's own". Managed connections are matched on it. Immutable.
 */
final class PetrelConnectionRequestInfo implements ConnectionRequestInfo {

    private final String user;
    private final String password;

    PetrelConnectionRequestInfo(String user, String password) {
        this.user = user;
        this.password = password;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PetrelConnectionRequestInfo cri && Objects.equals(user, cri.user)
                && Objects.equals(password, cri.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(user, password);
    }

    @Override
    public String toString() {
        return "PetrelConnectionRequestInfo[user=" + user + "]";
    }
}
