package dev.petrel.transport;

import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * Finds the {@link TransportFactory} for a URL scheme through {@link ServiceLoader}: first with the
 * thread context class loader, then with the class loader that loaded the client. Stateless and
 * thread-safe; looks up on every call (connections are not created often).
 */
public final class Transports {

    private Transports() {
    }

    /**
     * The factory serving {@code scheme}.
     *
     * @throws JMSException naming the scheme and listing the schemes that are available
     */
    public static TransportFactory forScheme(String scheme) throws JMSException {
        List<TransportFactory> all = available();
        for (TransportFactory factory : all) {
            if (factory.scheme().equalsIgnoreCase(scheme)) {
                return factory;
            }
        }
        TreeSet<String> known = new TreeSet<>();
        all.forEach(f -> known.add(f.scheme()));
        throw new JMSException("no transport for URL scheme '" + scheme + "'; known schemes: "
                + (known.isEmpty() ? "none (is petrel-broker on the class path for vm://?)" : String.join(", ", known)));
    }

    /** Every transport factory visible from the context class loader and from the client's own. */
    public static List<TransportFactory> available() {
        List<TransportFactory> found = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            load(context, found);
        }
        ClassLoader own = Transports.class.getClassLoader();
        if (own != context) {
            load(own, found);
        }
        return found;
    }

    private static void load(ClassLoader loader, List<TransportFactory> into) {
        try {
            for (TransportFactory factory : ServiceLoader.load(TransportFactory.class, loader)) {
                boolean duplicate = into.stream().anyMatch(f -> f.getClass() == factory.getClass());
                if (!duplicate) {
                    into.add(factory);
                }
            }
        } catch (ServiceConfigurationError e) {
            org.slf4j.LoggerFactory.getLogger(Transports.class)
                    .warn("a transport factory could not be loaded from {}", loader, e);
        }
    }
}
