package dev.petrel.ra;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.Serializable;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A {@code JMSProducer} sending through an anonymous producer of the adapter's session handle.
 * Message properties are kept on a scratch message of the session, so they follow the JMS
 * property rules (names, types, conversions) exactly as Petrel's messages do. Asynchronous sends
 * ({@code setAsync}) are not allowed in a Jakarta EE container and throw
 * {@link IllegalStateRuntimeException}.
 *
 * <p>Threading: one thread at a time, like its context.
 */
final class PetrelRaJMSProducer implements JMSProducer {

    private final Session session;
    private final MessageProducer producer;
    private final Message properties;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private String correlationID;
    private byte[] correlationIDBytes;
    private String type;
    private Destination replyTo;

    PetrelRaJMSProducer(Session session) {
        this.session = session;
        this.producer = Unchecked.call(() -> session.createProducer(null));
        this.properties = Unchecked.call(session::createMessage);
    }

    @Override
    public JMSProducer send(Destination destination, Message message) {
        Unchecked.run(() -> {
            for (String name : getPropertyNames()) {
                message.setObjectProperty(name, properties.getObjectProperty(name));
            }
            if (correlationIDBytes != null) {
                message.setJMSCorrelationIDAsBytes(correlationIDBytes);
            } else if (correlationID != null) {
                message.setJMSCorrelationID(correlationID);
            }
            if (type != null) {
                message.setJMSType(type);
            }
            if (replyTo != null) {
                message.setJMSReplyTo(replyTo);
            }
            producer.setDisableMessageID(disableMessageID);
            producer.setDisableMessageTimestamp(disableMessageTimestamp);
            producer.setDeliveryDelay(deliveryDelay);
            producer.send(destination, message, deliveryMode, priority, timeToLive);
        });
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        return send(destination, Unchecked.call(() -> session.createTextMessage(body)));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        MapMessage message = Unchecked.call(session::createMapMessage);
        if (body != null) {
            for (Map.Entry<String, Object> e : body.entrySet()) {
                Unchecked.run(() -> message.setObject(e.getKey(), e.getValue()));
            }
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        BytesMessage message = Unchecked.call(session::createBytesMessage);
        if (body != null) {
            Unchecked.run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        return send(destination, Unchecked.call(() -> session.createObjectMessage(body)));
    }

    @Override
    public JMSProducer setDisableMessageID(boolean value) {
        disableMessageID = value;
        return this;
    }

    @Override
    public boolean getDisableMessageID() {
        return disableMessageID;
    }

    @Override
    public JMSProducer setDisableMessageTimestamp(boolean value) {
        disableMessageTimestamp = value;
        return this;
    }

    @Override
    public boolean getDisableMessageTimestamp() {
        return disableMessageTimestamp;
    }

    @Override
    public JMSProducer setDeliveryMode(int deliveryMode) {
        if (deliveryMode != DeliveryMode.PERSISTENT && deliveryMode != DeliveryMode.NON_PERSISTENT) {
            throw new jakarta.jms.JMSRuntimeException("deliveryMode must be PERSISTENT (2) or NON_PERSISTENT (1), was " + deliveryMode);
        }
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        if (priority < 0 || priority > 9) {
            throw new jakarta.jms.JMSRuntimeException("priority must be 0..9, was " + priority);
        }
        this.priority = priority;
        return this;
    }

    @Override
    public int getPriority() {
        return priority;
    }

    @Override
    public JMSProducer setTimeToLive(long timeToLive) {
        this.timeToLive = timeToLive;
        return this;
    }

    @Override
    public long getTimeToLive() {
        return timeToLive;
    }

    @Override
    public JMSProducer setDeliveryDelay(long deliveryDelay) {
        this.deliveryDelay = deliveryDelay;
        return this;
    }

    @Override
    public long getDeliveryDelay() {
        return deliveryDelay;
    }

    @Override
    public JMSProducer setAsync(CompletionListener completionListener) {
        throw new IllegalStateRuntimeException("asynchronous send is not allowed in a Jakarta EE web or EJB container");
    }

    @Override
    public CompletionListener getAsync() {
        return null;
    }

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        Unchecked.run(() -> properties.setBooleanProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        Unchecked.run(() -> properties.setByteProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        Unchecked.run(() -> properties.setShortProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        Unchecked.run(() -> properties.setIntProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        Unchecked.run(() -> properties.setLongProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        Unchecked.run(() -> properties.setFloatProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        Unchecked.run(() -> properties.setDoubleProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        Unchecked.run(() -> properties.setStringProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        Unchecked.run(() -> properties.setObjectProperty(name, value));
        return this;
    }

    @Override
    public JMSProducer clearProperties() {
        Unchecked.run(properties::clearProperties);
        return this;
    }

    @Override
    public boolean propertyExists(String name) {
        return Unchecked.call(() -> properties.propertyExists(name));
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return Unchecked.call(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return Unchecked.call(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return Unchecked.call(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return Unchecked.call(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return Unchecked.call(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return Unchecked.call(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return Unchecked.call(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return Unchecked.call(() -> properties.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return Unchecked.call(() -> properties.getObjectProperty(name));
    }

    @Override
    public Set<String> getPropertyNames() {
        Set<String> names = new HashSet<>();
        for (Object name : Collections.list(Unchecked.call(properties::getPropertyNames))) {
            names.add(name.toString());
        }
        return names;
    }

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIDBytes = correlationID == null ? null : correlationID.clone();
        this.correlationID = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationIDBytes == null ? null : correlationIDBytes.clone();
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        this.correlationID = correlationID;
        this.correlationIDBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationID;
    }

    @Override
    public JMSProducer setJMSType(String type) {
        this.type = type;
        return this;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public JMSProducer setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
        return this;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }
}
