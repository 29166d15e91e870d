package dev.petrel.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ObjectMessage;
import java.io.Serializable;

/**
 * Petrel's {@link ObjectMessage}: the object is serialized when set, so later changes to it do not
 * affect the message, and every {@link #getObject()} deserializes a new copy (with the thread
 * context class loader). Not thread-safe.
 */
public class PetrelObjectMessage extends PetrelMessage implements ObjectMessage {
    private byte[] serialized;

    public PetrelObjectMessage() {
    }

    @Override
    BodyType bodyType() {
        return BodyType.OBJECT;
    }

    @Override
    byte[] encodeBody() {
        return serialized == null ? null : serialized.clone();
    }

    @Override
    void loadReceivedBody(byte[] body) {
        serialized = body;
    }

    @Override
    void emptyBody() {
        serialized = null;
    }

    /** @throws MessageFormatException when the object cannot be serialized */
    @Override
    public void setObject(Serializable object) throws JMSException {
        checkBodyWritable();
        serialized = ObjectBodyCodec.encode(object);
    }

    /** @throws MessageFormatException when the body cannot be deserialized (e.g. a class is missing) */
    @Override
    public Serializable getObject() throws JMSException {
        return ObjectBodyCodec.decode(serialized);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getBody(Class<T> c) throws JMSException {
        Serializable object = getObject();
        if (object == null) {
            return null;
        }
        if (!c.isInstance(object)) {
            throw new MessageFormatException("the body of this ObjectMessage is a " + object.getClass().getName()
                    + ", not assignable to " + c.getName());
        }
        return (T) object;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        if (serialized == null) {
            return true;
        }
        Serializable object;
        try {
            object = getObject();
        } catch (JMSException e) {
            // the spec's answer for a body that cannot be deserialized is false, not an exception
            return false;
        }
        return object == null || c.isInstance(object);
    }
}
