package dev.petrel.message;

import jakarta.jms.MessageFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * The body encoding of an {@code ObjectMessage}: Java serialization. Used on the client side only;
 * the broker carries the bytes without deserializing them. Deserialization resolves classes with the
 * thread context class loader (falling back to this class's loader). Stateless and thread-safe.
 */
public final class ObjectBodyCodec {
    private ObjectBodyCodec() {
    }

    /** @return the serialized object, or null for a null object */
    public static byte[] encode(Serializable object) throws MessageFormatException {
        if (object == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        } catch (IOException | RuntimeException e) {
            throw formatException("cannot serialize the object of class " + object.getClass().getName()
                    + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    /** @return a new copy of the serialized object, or null for no body */
    public static Serializable decode(byte[] body) throws MessageFormatException {
        if (body == null) {
            return null;
        }
        try (ObjectInputStream in = new ContextClassLoaderObjectInputStream(new ByteArrayInputStream(body))) {
            Object object = in.readObject();
            if (object != null && !(object instanceof Serializable)) {
                throw formatException("the deserialized object of class " + object.getClass().getName()
                        + " is not Serializable", null);
            }
            return (Serializable) object;
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw formatException("cannot deserialize the object message body (" + body.length + " bytes): " + e, e);
        }
    }

    private static MessageFormatException formatException(String reason, Exception cause) {
        MessageFormatException e = new MessageFormatException(reason);
        if (cause != null) {
            e.setLinkedException(cause);
            e.initCause(cause);
        }
        return e;
    }

    private static final class ContextClassLoaderObjectInputStream extends ObjectInputStream {
        ContextClassLoaderObjectInputStream(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException notInContextLoader) {
                    // fall through to the default resolution, which throws its own ClassNotFoundException
                }
            }
            return super.resolveClass(desc);
        }
    }
}
