package dev.petrel.ra;

import dev.petrel.client.xa.PetrelXAConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.resource.spi.security.PasswordCredential;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The outbound side: makes {@link PetrelManagedConnection}s (each one physical XA connection and
 * its one XA session) for the server's pool, and the {@link PetrelRaConnectionFactory} applications
 * get. Broker URL, user and password default to the resource adapter's.
 *
 * <p>Threading: configured once by the server, then used from any thread (no mutable state
 * after configuration).
 */
public class PetrelManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private String brokerURL;
    private String user;
    private String password;
    private transient PetrelResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    public String getBrokerURL() {
        return brokerURL != null ? brokerURL : resourceAdapter != null ? resourceAdapter.getBrokerURL() : null;
    }

    public void setBrokerURL(String brokerURL) {
        this.brokerURL = brokerURL;
    }

    public String getUser() {
        return user != null ? user : resourceAdapter != null ? resourceAdapter.getUser() : null;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password != null ? password : resourceAdapter != null ? resourceAdapter.getPassword() : null;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Object createConnectionFactory(ConnectionManager manager) {
        return new PetrelRaConnectionFactory(this, manager);
    }

    /** Outside a server: connections are made on demand and never pooled. */
    @Override
    public Object createConnectionFactory() {
        return new PetrelRaConnectionFactory(this, new UnmanagedConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        PetrelConnectionRequestInfo cri = requestFor(subject, info);
        String url = getBrokerURL();
        if (url == null) {
            throw new ResourceAllocationException("no broker URL: set BrokerURL on the resource adapter or the connection definition");
        }
        String connectUser = cri.user() != null ? cri.user() : getUser();
        String connectPassword = cri.user() != null ? cri.password() : getPassword();
        try {
            return new PetrelManagedConnection(this, cri,
                    new PetrelXAConnectionFactory(url, connectUser, connectPassword).createXAConnection(connectUser, connectPassword));
        } catch (JMSException e) {
            throw new ResourceAllocationException("cannot connect to Petrel broker " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * The credentials to connect with: the application's ({@code createConnection(user, password)}),
     * else a {@link PasswordCredential} for this factory in the server's {@code subject} (container
     * sign-on, or the {@code <recover-credential>} the transaction manager's recovery connects with),
     * else none (the factory's own {@code User}/{@code Password}).
     */
    private PetrelConnectionRequestInfo requestFor(Subject subject, ConnectionRequestInfo info) {
        if (info instanceof PetrelConnectionRequestInfo p && p.user() != null) {
            return p;
        }
        if (subject != null) {
            for (PasswordCredential credential : subject.getPrivateCredentials(PasswordCredential.class)) {
                if (credential.getManagedConnectionFactory() == null || equals(credential.getManagedConnectionFactory())) {
                    return new PetrelConnectionRequestInfo(credential.getUserName(), new String(credential.getPassword()));
                }
            }
        }
        return info instanceof PetrelConnectionRequestInfo p ? p : new PetrelConnectionRequestInfo(null, null);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        PetrelConnectionRequestInfo cri = requestFor(subject, info);
        for (Object candidate : candidates) {
            if (candidate instanceof PetrelManagedConnection mc && mc.factory().equals(this) && mc.requestInfo().equals(cri)
                    && mc.isValid()) {
                return mc;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        if (!(ra instanceof PetrelResourceAdapter petrel)) {
            throw new jakarta.resource.spi.ResourceAdapterInternalException("expected a PetrelResourceAdapter, was "
                    + (ra == null ? "null" : ra.getClass().getName()));
        }
        this.resourceAdapter = petrel;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PetrelManagedConnectionFactory mcf && Objects.equals(getBrokerURL(), mcf.getBrokerURL())
                && Objects.equals(getUser(), mcf.getUser()) && Objects.equals(getPassword(), mcf.getPassword());
    }

    @Override
    public int hashCode() {
        return Objects.hash(getBrokerURL(), getUser());
    }

    @Override
    public String toString() {
        return "PetrelManagedConnectionFactory[" + getBrokerURL() + "]";
    }

    /** The connection manager used outside a server: a new physical connection per allocation. */
    private static final class UnmanagedConnectionManager implements ConnectionManager {
        private static final long serialVersionUID = 1L;

        @Override
        public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo cri) throws ResourceException {
            ManagedConnection mc = mcf.createManagedConnection(null, cri);
            mc.addConnectionEventListener(new jakarta.resource.spi.ConnectionEventListener() {
                @Override
                public void connectionClosed(jakarta.resource.spi.ConnectionEvent event) {
                    destroy(mc);
                }

                @Override
                public void localTransactionStarted(jakarta.resource.spi.ConnectionEvent event) {
                }

                @Override
                public void localTransactionCommitted(jakarta.resource.spi.ConnectionEvent event) {
                }

                @Override
                public void localTransactionRolledback(jakarta.resource.spi.ConnectionEvent event) {
                }

                @Override
                public void connectionErrorOccurred(jakarta.resource.spi.ConnectionEvent event) {
                    destroy(mc);
                }
            });
            return mc.getConnection(null, cri);
        }

        private static void destroy(ManagedConnection mc) {
            try {
                mc.destroy();
            } catch (ResourceException e) {
                org.slf4j.LoggerFactory.getLogger(PetrelManagedConnectionFactory.class).warn("destroying {} failed", mc, e);
            }
        }
    }
}
