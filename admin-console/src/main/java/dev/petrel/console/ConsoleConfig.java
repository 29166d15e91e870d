package dev.petrel.console;

import dev.petrel.console.security.ConsoleAuthenticator;
import dev.petrel.console.security.ConsoleUser;
import dev.petrel.console.security.ConfiguredUsersAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the console runs: where it listens, who may log in, how long sessions last. Immutable;
 * build with {@link #builder()}. Everything is validated by {@link Builder#build()}, every problem
 * listed at once.
 *
 * @param bindAddress    the address to listen on; default {@code 127.0.0.1} (local only)
 * @param port           the TCP port; 0 picks a free one (see {@link ConsoleServer#port()}); default 8161
 * @param sessionTimeout how long a login stays valid without requests; default 30 minutes
 * @param authenticator  who may log in; from {@link Builder#users(List)} unless set directly
 * @param clock          the time source for session expiry (tests use a settable one)
 */
public record ConsoleConfig(String bindAddress, int port, Duration sessionTimeout,
                            ConsoleAuthenticator authenticator, Clock clock) {

    public static final int DEFAULT_PORT = 8161;

    public ConsoleConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(clock, "clock");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ConsoleConfig}; every setting but the users has a default. */
    public static final class Builder {
        private String bindAddress = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Duration sessionTimeout = Duration.ofMinutes(30);
        private final List<ConsoleUser> users = new ArrayList<>();
        private ConsoleAuthenticator authenticator;
        private Clock clock = Clock.systemUTC();

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder sessionTimeout(Duration sessionTimeout) {
            this.sessionTimeout = sessionTimeout;
            return this;
        }

        /** Adds users with PBKDF2 hashes and roles (ignored when {@link #authenticator} is set). */
        public Builder users(List<ConsoleUser> users) {
            this.users.addAll(users);
            return this;
        }

        public Builder user(ConsoleUser user) {
            this.users.add(user);
            return this;
        }

        /** Uses another source of users than the configured list. */
        public Builder authenticator(ConsoleAuthenticator authenticator) {
            this.authenticator = authenticator;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public ConsoleConfig build() {
            List<String> problems = new ArrayList<>();
            if (bindAddress == null || bindAddress.isBlank()) {
                problems.add("bindAddress must name an address, e.g. 127.0.0.1");
            }
            if (port < 0 || port > 65_535) {
                problems.add("port must be 0 to 65535, was " + port);
            }
            if (sessionTimeout == null || sessionTimeout.isNegative() || sessionTimeout.isZero()) {
                problems.add("sessionTimeout must be positive, was " + sessionTimeout);
            }
            if (authenticator == null && users.isEmpty()) {
                problems.add("no console users: configure at least one user with the admin role");
            }
            if (clock == null) {
                problems.add("clock must not be null");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid console configuration: " + String.join("; ", problems));
            }
            ConsoleAuthenticator auth = authenticator != null ? authenticator : new ConfiguredUsersAuthenticator(users);
            return new ConsoleConfig(bindAddress, port, sessionTimeout, auth, clock);
        }
    }
}
