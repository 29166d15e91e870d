package dev.petrel.client;

import dev.petrel.transport.BrokerUrl;
import dev.petrel.transport.ConnectRequest;
import dev.petrel.transport.TransportFactory;
import dev.petrel.transport.Transports;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueConnectionFactory;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicConnectionFactory;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

/**
 * Petrel's {@code ConnectionFactory}: built from a broker URL ({@code vm://name?prefetch=500}) or as
 * a JavaBean (no-arg constructor and setters). URL options {@code prefetch}, {@code clientID},
 * {@code user}, {@code password}, {@code blockOnNonPersistentSend} set the matching properties when
 * the URL is set; setters called
 * afterwards win. Every option is also passed to the transport. The transport is chosen by the
 * URL's scheme through {@link Transports}.
 *
 * <p>Thread-safety: the setters are meant for configuration before use; creating connections is
 * thread-safe.
 */
public class PetrelConnectionFactory implements ConnectionFactory, QueueConnectionFactory, TopicConnectionFactory, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Credit a consumer starts with when neither the URL nor {@link #setPrefetch} says otherwise. */
    public static final int DEFAULT_PREFETCH = 1000;

    private volatile String brokerURL = "vm://localhost";
    private volatile String user;
    private volatile String password;
    private volatile String clientID;
    private volatile int prefetch = DEFAULT_PREFETCH;
    private volatile boolean blockOnNonPersistentSend;

    public PetrelConnectionFactory() {
    }

    /** A factory for {@code brokerURL}; its options are applied as by {@link #setBrokerURL}. */
    public PetrelConnectionFactory(String brokerURL) {
        setBrokerURL(brokerURL);
    }

    public PetrelConnectionFactory(String brokerURL, String user, String password) {
        this(brokerURL);
        this.user = user;
        this.password = password;
    }

    public String getBrokerURL() {
        return brokerURL;
    }

    /**
     * Sets the broker URL and applies its client options.
     *
     * @throws IllegalArgumentException when the URL cannot be parsed or an option has a bad value
     */
    public void setBrokerURL(String brokerURL) {
        BrokerUrl parsed;
        try {
            parsed = BrokerUrl.parse(brokerURL);
        } catch (JMSException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Map<String, String> options = parsed.options();
        if (options.containsKey("prefetch")) {
            setPrefetch(parsePrefetch(options.get("prefetch")));
        }
        if (options.containsKey("blockOnNonPersistentSend")) {
            String value = options.get("blockOnNonPersistentSend").trim();
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("blockOnNonPersistentSend option '" + value + "' must be true or false");
            }
            blockOnNonPersistentSend = Boolean.parseBoolean(value);
        }
        if (options.containsKey("clientID")) {
            clientID = options.get("clientID");
        }
        if (options.containsKey("user")) {
            user = options.get("user");
        }
        if (options.containsKey("password")) {
            password = options.get("password");
        }
        this.brokerURL = brokerURL;
    }

    private static int parsePrefetch(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("prefetch option '" + value + "' is not an integer", e);
        }
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The client id every connection of this factory gets (administratively configured), or null. */
    public String getClientID() {
        return clientID;
    }

    public void setClientID(String clientID) {
        this.clientID = clientID;
    }

    public int getPrefetch() {
        return prefetch;
    }

    /** How many messages the broker may deliver to a consumer ahead of the application; 0 to 1,000,000. */
    public void setPrefetch(int prefetch) {
        if (prefetch < 0 || prefetch > 1_000_000) {
            throw new IllegalArgumentException("prefetch " + prefetch + " is out of range; it must be 0 to 1000000");
        }
        this.prefetch = prefetch;
    }

    public boolean isBlockOnNonPersistentSend() {
        return blockOnNonPersistentSend;
    }

    /**
     * Whether a non-persistent send outside a transaction waits for the broker's answer (true), or
     * returns at once with at most 1,000 unanswered per producer, a refusal thrown by the producer's next
     * send or close (false, the default, as in ActiveMQ and Artemis).
     */
    public void setBlockOnNonPersistentSend(boolean block) {
        this.blockOnNonPersistentSend = block;
    }

    @Override
    public Connection createConnection() throws JMSException {
        return createConnection(user, password);
    }

    @Override
    public Connection createConnection(String userName, String password) throws JMSException {
        return open(userName, password);
    }

    @Override
    public QueueConnection createQueueConnection() throws JMSException {
        return createQueueConnection(user, password);
    }

    @Override
    public QueueConnection createQueueConnection(String userName, String password) throws JMSException {
        return open(userName, password);
    }

    @Override
    public TopicConnection createTopicConnection() throws JMSException {
        return createTopicConnection(user, password);
    }

    @Override
    public TopicConnection createTopicConnection(String userName, String password) throws JMSException {
        return open(userName, password);
    }

    @Override
    public JMSContext createContext() {
        return createContext(user, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String userName, String password) {
        return createContext(userName, password, JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return createContext(user, password, sessionMode);
    }

    @Override
    public JMSContext createContext(String userName, String password, int sessionMode) {
        PetrelJMSContext.checkSessionMode(sessionMode);
        try {
            return new PetrelJMSContext(open(userName, password), sessionMode);
        } catch (JMSException e) {
            throw JmsExceptions.toRuntime(e);
        } catch (JMSRuntimeException e) {
            throw e;
        }
    }

    /** Opens a connection: finds the transport for the URL's scheme and connects through it. */
    PetrelConnection open(String userName, String password) throws JMSException {
        BrokerUrl url = BrokerUrl.parse(brokerURL);
        TransportFactory transport = Transports.forScheme(url.scheme());
        // a composite URL travels whole (without its options) so that its transport sees every member
        java.net.URI uri = url.isComposite()
                ? java.net.URI.create(url.text().trim().substring(0, url.text().trim().lastIndexOf(')') + 1))
                : url.uri();
        ConnectRequest request = new ConnectRequest(uri, url.options(), userName, password);
        return PetrelConnection.connect(transport, request, new PetrelConnection.Settings(clientID, prefetch, blockOnNonPersistentSend));
    }

    @Override
    public String toString() {
        return "PetrelConnectionFactory[" + brokerURL + "]";
    }
}
