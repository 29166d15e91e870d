package dev.petrel.jndi;

import dev.petrel.client.MessageBridge;
import dev.petrel.client.PetrelConnectionFactory;

import javax.naming.ConfigurationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import java.util.Hashtable;
import java.util.Map;
import java.util.TreeMap;

/**
 * JNDI for standalone clients: {@code java.naming.factory.initial=dev.petrel.jndi.PetrelInitialContextFactory}
 * and, in the environment or {@code jndi.properties}, entries
 * <ul>
 *   <li>{@code connectionFactory.<name>=<broker URL>}: a {@link PetrelConnectionFactory} bound as {@code <name>};</li>
 *   <li>{@code queue.<name>=<queue name>} and {@code topic.<name>=<topic name>}: destinations bound as {@code <name>};</li>
 *   <li>{@code java.naming.provider.url}: the URL of the factory bound as {@code ConnectionFactory}
 *       (default {@code vm://localhost}) unless a {@code connectionFactory.ConnectionFactory} entry names another;</li>
 *   <li>{@code java.naming.security.principal}/{@code credentials}: user and password of every factory.</li>
 * </ul>
 * Lookups of {@code dynamicQueues/<name>} and {@code dynamicTopics/<name>} give destinations not listed.
 * The context is read-only. Stateless; each call builds a new context.
 */
public class PetrelInitialContextFactory implements InitialContextFactory {

    /** The name the default connection factory is bound to. */
    public static final String DEFAULT_FACTORY_NAME = "ConnectionFactory";
    /** The broker URL of the default connection factory when {@code java.naming.provider.url} is not set. */
    public static final String DEFAULT_URL = "vm://localhost";

    static final String CONNECTION_FACTORY_PREFIX = "connectionFactory.";
    static final String QUEUE_PREFIX = "queue.";
    static final String TOPIC_PREFIX = "topic.";

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
        Hashtable<Object, Object> env = environment == null ? new Hashtable<>() : new Hashtable<>(environment);
        Map<String, Object> bindings = new TreeMap<>();
        String user = string(env.get(Context.SECURITY_PRINCIPAL));
        String password = string(env.get(Context.SECURITY_CREDENTIALS));
        String providerUrl = string(env.get(Context.PROVIDER_URL));
        bindings.put(DEFAULT_FACTORY_NAME, factory(DEFAULT_FACTORY_NAME,
                providerUrl == null || providerUrl.isBlank() ? DEFAULT_URL : providerUrl, user, password));
        for (Map.Entry<Object, Object> entry : env.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                continue;
            }
            String value = string(entry.getValue());
            if (key.startsWith(CONNECTION_FACTORY_PREFIX)) {
                String name = nameAfter(key, CONNECTION_FACTORY_PREFIX);
                bindings.put(name, factory(name, value, user, password));
            } else if (key.startsWith(QUEUE_PREFIX)) {
                String name = nameAfter(key, QUEUE_PREFIX);
                bindings.put(name, MessageBridge.queue(destinationName(key, value)));
            } else if (key.startsWith(TOPIC_PREFIX)) {
                String name = nameAfter(key, TOPIC_PREFIX);
                bindings.put(name, MessageBridge.topic(destinationName(key, value)));
            }
        }
        return new ReadOnlyContext(env, bindings);
    }

    private static PetrelConnectionFactory factory(String name, String url, String user, String password) throws NamingException {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("connection factory '" + name + "' has no broker URL; expected e.g. vm://broker");
        }
        try {
            PetrelConnectionFactory factory = new PetrelConnectionFactory(url.trim());
            if (user != null) {
                factory.setUser(user);
            }
            if (password != null) {
                factory.setPassword(password);
            }
            return factory;
        } catch (IllegalArgumentException e) {
            ConfigurationException failure = new ConfigurationException("connection factory '" + name + "': " + e.getMessage());
            failure.setRootCause(e);
            throw failure;
        }
    }

    private static String nameAfter(String key, String prefix) throws ConfigurationException {
        String name = key.substring(prefix.length());
        if (name.isBlank()) {
            throw new ConfigurationException("JNDI entry '" + key + "' has no name after '" + prefix + "'");
        }
        return name;
    }

    private static String destinationName(String key, String value) throws ConfigurationException {
        if (value == null || value.isBlank()) {
            throw new ConfigurationException("JNDI entry '" + key + "' has no destination name as value");
        }
        return value.trim();
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
