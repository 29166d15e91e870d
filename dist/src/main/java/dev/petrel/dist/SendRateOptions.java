package dev.petrel.dist;

import dev.petrel.client.PetrelConnectionFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;

import java.util.Arrays;

/**
 * The command line of {@code bin/petrel send-rate}. Immutable.
 *
 * @param producerCounts the producer counts to measure, one after the other
 * @param seconds        how long each measurement sends
 * @param tcp            measure an embedded broker through a loopback TCP listener
 * @param url            measure the running broker at this URL instead (null: embedded broker)
 * @param persistent     persistent (default) or non-persistent messages
 * @param user           user name for {@code url}, or null
 * @param password       password for {@code url}, or null
 * @param help           only print the usage
 */
record SendRateOptions(int[] producerCounts, int seconds, boolean tcp, String url, boolean persistent,
                       String user, String password, boolean help) {
    static final String USAGE = """
            usage: petrel send-rate [--tcp | --url <url>] [--non-persistent] [--user <u> --password <p>] [producers,...] [seconds]
              (default: embedded broker over vm://, persistent, producers 1,4, 10 seconds each)
              --tcp             embedded broker on a fresh data directory, reached through tcp://127.0.0.1:<free port>
              --url <url>       a running broker, e.g. tcp://127.0.0.1:61616
              --non-persistent  send NON_PERSISTENT messages (a consumer drains the queue meanwhile)""";

    static SendRateOptions parse(String[] args) {
        int[] producers = {1, 4};
        int seconds = 10;
        boolean tcp = false;
        boolean persistent = true;
        boolean help = false;
        String url = null;
        String user = null;
        String password = null;
        int positional = 0;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--tcp" -> tcp = true;
                case "--non-persistent" -> persistent = false;
                case "--url" -> url = value(args, ++i, arg);
                case "--user" -> user = value(args, ++i, arg);
                case "--password" -> password = value(args, ++i, arg);
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + arg + "'");
                    }
                    try {
                        if (positional == 0) {
                            producers = Arrays.stream(arg.split(",")).mapToInt(Integer::parseInt).toArray();
                        } else if (positional == 1) {
                            seconds = Integer.parseInt(arg);
                        } else {
                            throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                        }
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + arg + "' is not a number (list)");
                    }
                    positional++;
                }
            }
        }
        if (tcp && url != null) {
            throw new IllegalArgumentException("--tcp and --url exclude each other");
        }
        return new SendRateOptions(producers, seconds, tcp, url, persistent, user, password, help);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    ConnectionFactory factory(String brokerUrl) {
        PetrelConnectionFactory factory = new PetrelConnectionFactory(brokerUrl);
        return user == null ? factory : new ConnectionFactoryWithUser(factory, user, password);
    }

    String describe() {
        return (persistent ? "persistent" : "non-persistent") + " over "
                + (url != null ? url : tcp ? "tcp:// (embedded broker, loopback)" : "vm:// (embedded broker)");
    }

    /** Uses the given credentials for every connection. */
    private record ConnectionFactoryWithUser(ConnectionFactory delegate, String user, String password) implements ConnectionFactory {
        @Override public jakarta.jms.Connection createConnection() throws jakarta.jms.JMSException {
            return delegate.createConnection(user, password);
        }
        @Override public jakarta.jms.Connection createConnection(String u, String p) throws jakarta.jms.JMSException {
            return delegate.createConnection(u, p);
        }
        @Override public JMSContext createContext() {
            return delegate.createContext(user, password);
        }
        @Override public JMSContext createContext(String u, String p) {
            return delegate.createContext(u, p);
        }
        @Override public JMSContext createContext(String u, String p, int mode) {
            return delegate.createContext(u, p, mode);
        }
        @Override public JMSContext createContext(int mode) {
            return delegate.createContext(user, password, mode);
        }
    }
}
