package dev.petrel.ra;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The connection and session handles applications get from the resource adapter's factory.
 * Each is a dynamic proxy implementing the JMS interfaces: the methods the Jakarta EE container
 * rules change are handled here, every other one is the physical connection's or session's,
 * after a closed-handle check. The rules (Jakarta Messaging 3.1, section 12.3):
 * <ul>
 * <li>one active session per connection: a second {@code createSession} throws
 *     {@link IllegalStateException};</li>
 * <li>the session's transacted/acknowledge arguments are ignored: inside a transaction the
 *     session belongs to it, outside it acknowledges automatically;</li>
 * <li>{@code setMessageListener}, {@code setClientID}, {@code setExceptionListener}, {@code stop}
 *     and connection consumers throw {@link IllegalStateException};</li>
 * <li>{@code commit}/{@code rollback} inside a transaction throw {@link TransactionInProgressException}.</li>
 * </ul>
 *
 * <p>Threading: as JMS connections and sessions; the handle state is volatile or copy-on-write.
 */
final class ConnectionHandles {

    private ConnectionHandles() {
    }

    /** The handle behind a proxy this class made, or null. */
    static ConnectionHandle handleOf(Object proxy) {
        if (proxy != null && Proxy.isProxyClass(proxy.getClass())
                && Proxy.getInvocationHandler(proxy) instanceof ConnectionHandle handle) {
            return handle;
        }
        return null;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> proxy.getClass().getSimpleName();
        };
    }

    /** A {@code Connection} handle on a {@link PetrelManagedConnection}. */
    static final class ConnectionHandle implements InvocationHandler {

        private final Object proxy;
        private volatile PetrelManagedConnection managed;
        private volatile SessionHandle session;
        private volatile boolean closed;

        ConnectionHandle(PetrelManagedConnection managed) {
            this.managed = managed;
            this.proxy = Proxy.newProxyInstance(ConnectionHandles.class.getClassLoader(),
                    new Class<?>[] {Connection.class, QueueConnection.class, TopicConnection.class}, this);
        }

        Object proxy() {
            return proxy;
        }

        PetrelManagedConnection managedConnection() {
            return managed;
        }

        void associate(PetrelManagedConnection newManaged) {
            this.managed = newManaged;
        }

        /** Closed by the server (cleanup): no event, the server knows. */
        void invalidate() {
            closed = true;
            SessionHandle s = session;
            if (s != null) {
                s.closeHandle();
            }
        }

        @Override
        public Object invoke(Object p, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(p, method, args);
            }
            String name = method.getName();
            if (name.equals("close")) {
                if (!closed) {
                    invalidate();
                    managed.handleClosed(this);
                }
                return null;
            }
            if (closed) {
                throw new IllegalStateException("this connection is closed; call " + name + " on an open one");
            }
            switch (name) {
                case "createSession", "createQueueSession", "createTopicSession" -> {
                    return createSession();
                }
                case "setClientID", "setExceptionListener", "stop", "createConnectionConsumer",
                        "createSharedConnectionConsumer", "createDurableConnectionConsumer",
                        "createSharedDurableConnectionConsumer" -> throw new IllegalStateException(
                                name + " is not allowed in a Jakarta EE web or EJB container");
                case "getExceptionListener" -> {
                    return null;
                }
                default -> {
                    return ConnectionHandles.invoke(managed.physicalConnection(), method, args);
                }
            }
        }

        private Object createSession() throws JMSException {
            SessionHandle current = session;
            if (current != null && !current.closed) {
                throw new IllegalStateException("a connection in a Jakarta EE container has one active session;"
                        + " close the open one before creating another");
            }
            SessionHandle created = new SessionHandle(this);
            session = created;
            return created.proxy;
        }
    }

    /** A {@code Session} handle: the managed connection's one XA session, under the container rules. */
    static final class SessionHandle implements InvocationHandler {

        private final ConnectionHandle connection;
        private final Object proxy;
        private final List<AutoCloseable> children = new CopyOnWriteArrayList<>();
        private volatile boolean closed;

        SessionHandle(ConnectionHandle connection) {
            this.connection = connection;
            this.proxy = Proxy.newProxyInstance(ConnectionHandles.class.getClassLoader(),
                    new Class<?>[] {Session.class, QueueSession.class, TopicSession.class}, this);
        }

        /** Closes the consumers, producers and browsers made through this handle; the session stays pooled. */
        void closeHandle() {
            closed = true;
            for (AutoCloseable child : children) {
                PetrelResourceAdapter.closeQuietlyLogged(child);
            }
            children.clear();
        }

        @Override
        public Object invoke(Object p, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(p, method, args);
            }
            String name = method.getName();
            if (name.equals("close")) {
                closeHandle();
                return null;
            }
            if (closed || connection.closed) {
                throw new IllegalStateException("this session is closed; call " + name + " on an open one");
            }
            boolean inTransaction = connection.managed.inTransaction();
            switch (name) {
                case "setMessageListener", "getMessageListener", "run" -> throw new IllegalStateException(
                        name + " is not allowed in a Jakarta EE web or EJB container");
                case "getTransacted" -> {
                    return inTransaction;
                }
                case "getAcknowledgeMode" -> {
                    return inTransaction ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE;
                }
                case "commit", "rollback" -> throw inTransaction
                        ? new TransactionInProgressException(name + " is the transaction manager's: the session is in a"
                                + " container transaction")
                        : new IllegalStateException(name + " on a non-transacted session (no container transaction is active)");
                case "recover" -> {
                    if (inTransaction) {
                        throw new IllegalStateException("recover is not allowed while the session is in a container transaction");
                    }
                    return ConnectionHandles.invoke(connection.managed.physicalSession(), method, args);
                }
                default -> {
                    Object result = ConnectionHandles.invoke(connection.managed.physicalSession(), method, args);
                    if (result instanceof AutoCloseable child && !(result instanceof Session)) {
                        children.add(child);
                    }
                    return result;
                }
            }
        }
    }
}
