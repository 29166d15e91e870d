package dev.petrel.ra;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.ResourceAllocationException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled physical Petrel XA connection with its single XA session. Applications see it
 * through {@link ConnectionHandles} (a {@code jakarta.jms.Connection} whose one session is this
 * XA session's). The server enlists {@link #getXAResource()} in JTA transactions; where XA is off
 * it drives {@link #getLocalTransaction()}, a local branch on the same XA session.
 *
 * <p>Threading: the server hands one managed connection to one thread at a time; the listener and
 * handle sets are concurrent because the broker's exception listener fires on its own thread.
 */
final class PetrelManagedConnection implements ManagedConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PetrelManagedConnection.class);

    private final PetrelManagedConnectionFactory factory;
    private final PetrelConnectionRequestInfo requestInfo;
    private final XAConnection connection;
    private final XASession xaSession;
    private final TrackingXAResource xaResource;
    private final PetrelLocalTransaction localTransaction;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<ConnectionHandles.ConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    PetrelManagedConnection(PetrelManagedConnectionFactory factory, PetrelConnectionRequestInfo requestInfo,
            XAConnection connection) throws ResourceException {
        this.factory = factory;
        this.requestInfo = requestInfo;
        this.connection = connection;
        try {
            this.xaSession = connection.createXASession();
            connection.setExceptionListener(e -> connectionFailed(e));
        } catch (JMSException e) {
            PetrelResourceAdapter.closeQuietlyLogged(connection);
            throw new ResourceAllocationException("cannot create the XA session of a new Petrel connection: " + e.getMessage(), e);
        }
        this.xaResource = new TrackingXAResource(xaSession.getXAResource());
        this.localTransaction = new PetrelLocalTransaction(xaResource);
    }

    PetrelManagedConnectionFactory factory() {
        return factory;
    }

    PetrelConnectionRequestInfo requestInfo() {
        return requestInfo;
    }

    boolean isValid() {
        return !broken && !destroyed;
    }

    /** True while a JTA branch or a local transaction is associated with the session. */
    boolean inTransaction() {
        return xaResource.associated();
    }

    Connection physicalConnection() {
        return connection;
    }

    Session physicalSession() throws JMSException {
        return xaSession.getSession();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (!isValid()) {
            throw new jakarta.resource.spi.IllegalStateException("this Petrel managed connection is "
                    + (destroyed ? "destroyed" : "broken"));
        }
        ConnectionHandles.ConnectionHandle handle = new ConnectionHandles.ConnectionHandle(this);
        handles.add(handle);
        return handle.proxy();
    }

    @Override
    public void associateConnection(Object connectionHandle) throws ResourceException {
        ConnectionHandles.ConnectionHandle handle = ConnectionHandles.handleOf(connectionHandle);
        if (handle == null) {
            throw new jakarta.resource.spi.IllegalStateException("not a Petrel connection handle: " + connectionHandle);
        }
        handle.managedConnection().handles.remove(handle);
        handle.associate(this);
        handles.add(handle);
    }

    /** Called by a handle's close(): the server may now return this connection to its pool. */
    void handleClosed(ConnectionHandles.ConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle.proxy());
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    private void connectionFailed(JMSException e) {
        broken = true;
        LOG.warn("Petrel connection to {} failed; the pool will discard it", factory.getBrokerURL(), e);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, e);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionErrorOccurred(event);
        }
    }

    /** Invalidates every handle (the application forgot to close them) and stops delivery. */
    @Override
    public void cleanup() throws ResourceException {
        for (ConnectionHandles.ConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        try {
            connection.stop();
        } catch (JMSException e) {
            broken = true;
            throw new ResourceException("cannot stop the Petrel connection being returned to the pool: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() throws ResourceException {
        destroyed = true;
        handles.clear();
        try {
            connection.close();
        } catch (JMSException e) {
            throw new ResourceException("closing the Petrel connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() {
        return xaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() {
        return localTransaction;
    }

    @Override
    public ManagedConnectionMetaData getMetaData() throws ResourceException {
        try {
            return new PetrelManagedConnectionMetaData(connection.getMetaData(), requestInfo.user() != null
                    ? requestInfo.user() : factory.getUser());
        } catch (JMSException e) {
            throw new ResourceException("cannot read the Petrel connection's metadata: " + e.getMessage(), e);
        }
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
    public String toString() {
        return "PetrelManagedConnection[" + connection + "]";
    }
}
