package dev.petrel.ra;

import dev.petrel.client.xa.PetrelXAConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Petrel resource adapter: holds the broker URL and credentials shared by its outbound
 * connection factories (unless they set their own) and by every MDB activation, and runs the
 * activations ({@link PetrelActivation}).
 *
 * <p>Threading: the server calls the lifecycle methods; endpoint (de)activation may come from any
 * thread, the activations map is concurrent.
 */
public class PetrelResourceAdapter implements ResourceAdapter, java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PetrelResourceAdapter.class);

    private String brokerURL = "tcp://127.0.0.1:61616";
    private String user;
    private String password;

    private transient Map<ActivationKey, PetrelActivation> activations = new ConcurrentHashMap<>();
    private transient List<XAConnection> recoveryConnections = new ArrayList<>();

    private record ActivationKey(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    public String getBrokerURL() {
        return brokerURL;
    }

    public void setBrokerURL(String brokerURL) {
        this.brokerURL = brokerURL;
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

    /** A new XA connection factory for this adapter's broker and credentials. */
    PetrelXAConnectionFactory connectionFactory() {
        return new PetrelXAConnectionFactory(brokerURL, user, password);
    }

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        if (activations == null) {
            activations = new ConcurrentHashMap<>();
            recoveryConnections = new ArrayList<>();
        }
        LOG.info("Petrel resource adapter started for broker {}", brokerURL);
    }

    @Override
    public void stop() {
        for (PetrelActivation activation : activations.values()) {
            activation.stop();
        }
        activations.clear();
        synchronized (recoveryConnections) {
            for (XAConnection connection : recoveryConnections) {
                closeQuietlyLogged(connection);
            }
            recoveryConnections.clear();
        }
        LOG.info("Petrel resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof PetrelActivationSpec petrelSpec)) {
            throw new jakarta.resource.NotSupportedException("the Petrel resource adapter takes a "
                    + PetrelActivationSpec.class.getName() + ", was " + (spec == null ? "null" : spec.getClass().getName()));
        }
        petrelSpec.validate();
        PetrelActivation activation = new PetrelActivation(this, factory, petrelSpec);
        activations.put(new ActivationKey(factory, spec), activation);
        activation.start();
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        PetrelActivation activation = activations.remove(new ActivationKey(factory, spec));
        if (activation != null) {
            activation.stop();
        }
    }

    /**
     * One XA resource on this adapter's broker, for the transaction manager's recovery of inbound
     * work; empty (logged) when the broker cannot be reached now.
     */
    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) throws ResourceException {
        try {
            XAConnection connection = connectionFactory().createXAConnection();
            synchronized (recoveryConnections) {
                recoveryConnections.add(connection);
            }
            return new XAResource[] {connection.createXASession().getXAResource()};
        } catch (JMSException e) {
            LOG.warn("Petrel broker {} unreachable for XA recovery now: {}", brokerURL, e.toString());
            return new XAResource[0];
        }
    }

    static void closeQuietlyLogged(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", closeable, e.toString());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PetrelResourceAdapter ra && Objects.equals(brokerURL, ra.brokerURL)
                && Objects.equals(user, ra.user) && Objects.equals(password, ra.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(brokerURL, user);
    }
}
