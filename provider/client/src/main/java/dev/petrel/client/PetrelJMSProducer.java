package dev.petrel.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.io.Serializable;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The simplified API's producer over the classic API: fluent send options, message properties and
 * headers applied to every message it sends, through an anonymous {@link MessageProducer} of a
 * {@link Session} (the options are set on that producer before each send). Properties are kept in a
 * plain scratch message, so names, types and conversions follow the message rules. The one
 * {@code JMSProducer} of Petrel: {@link PetrelJMSContext} makes it with asynchronous sends allowed,
 * the resource adapter's context with them refused, as a Jakarta EE container requires.
 *
 * <p>Thread-safety: one thread at a time, like its context.
 */
public final class PetrelJMSProducer implements JMSProducer {

    private final Supplier<? extends Session> session;
    private final Supplier<? extends MessageProducer> producer;
    private final boolean asyncAllowed;
    private final Message properties = MessageBridge.createMessage();
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private int priority = Message.DEFAULT_PRIORITY;
    private long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;
    private boolean disableMessageID;
    private boolean disableMessageTimestamp;
    private CompletionListener async;
    private String correlationId;
    private byte[] correlationIdBytes;
    private String type;
    private Destination replyTo;

    private PetrelJMSProducer(Supplier<? extends Session> session, Supplier<? extends MessageProducer> anonymousProducer,
                              boolean asyncAllowed) {
        this.session = session;
        this.producer = anonymousProducer;
        this.asyncAllowed = asyncAllowed;
    }

    /**
     * A producer sending with {@code anonymousProducer} (one created without a destination) and making
     * its messages with {@code session}. Both suppliers are asked at each use, so they may create their
     * object on first use; they must return the same object each time and report failures as
     * {@code JMSRuntimeException} (e.g. {@code IllegalStateRuntimeException} once the context is closed).
     *
     * @param asyncAllowed false where asynchronous sends are forbidden (a Jakarta EE web or EJB
     *                     container): {@link #setAsync} then throws {@code IllegalStateRuntimeException}
     */
    public static JMSProducer over(Supplier<? extends Session> session, Supplier<? extends MessageProducer> anonymousProducer,
                                   boolean asyncAllowed) {
        return new PetrelJMSProducer(session, anonymousProducer, asyncAllowed);
    }

    // ---- send --------------------------------------------------------------------------------

    @Override
    public JMSProducer send(Destination destination, Message message) {
        if (message == null) {
            throw new MessageFormatRuntimeException("message is null; there is nothing to send");
        }
        if (destination == null) {
            throw new InvalidDestinationRuntimeException("destination is null; JMSProducer.send needs a queue or topic");
        }
        MessageProducer target = producer.get();
        JmsCall.run(() -> {
            applyTo(message);
            target.setDisableMessageID(disableMessageID);
            target.setDisableMessageTimestamp(disableMessageTimestamp);
            target.setDeliveryDelay(deliveryDelay);
            if (async == null) {
                target.send(destination, message, deliveryMode, priority, timeToLive);
            } else {
                target.send(destination, message, deliveryMode, priority, timeToLive, async);
            }
        });
        return this;
    }

    @Override
    public JMSProducer send(Destination destination, String body) {
        Session s = session.get();
        return send(destination, JmsCall.unchecked(() -> s.createTextMessage(body)));
    }

    @Override
    public JMSProducer send(Destination destination, Map<String, Object> body) {
        Session s = session.get();
        MapMessage message = JmsCall.unchecked(s::createMapMessage);
        if (body != null) {
            JmsCall.run(() -> {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    message.setObject(e.getKey(), e.getValue());
                }
            });
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, byte[] body) {
        Session s = session.get();
        BytesMessage message = JmsCall.unchecked(s::createBytesMessage);
        if (body != null) {
            JmsCall.run(() -> message.writeBytes(body));
        }
        return send(destination, message);
    }

    @Override
    public JMSProducer send(Destination destination, Serializable body) {
        Session s = session.get();
        return send(destination, JmsCall.unchecked(() -> s.createObjectMessage(body)));
    }

    private void applyTo(Message message) throws JMSException {
        Enumeration<?> names = properties.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            message.setObjectProperty(name, properties.getObjectProperty(name));
        }
        if (correlationIdBytes != null) {
            message.setJMSCorrelationIDAsBytes(correlationIdBytes);
        } else if (correlationId != null) {
            message.setJMSCorrelationID(correlationId);
        }
        if (type != null) {
            message.setJMSType(type);
        }
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
    }

    // ---- options -----------------------------------------------------------------------------

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
        JmsCall.run(() -> PetrelMessageProducer.checkDeliveryMode(deliveryMode));
        this.deliveryMode = deliveryMode;
        return this;
    }

    @Override
    public int getDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public JMSProducer setPriority(int priority) {
        JmsCall.run(() -> PetrelMessageProducer.checkPriority(priority));
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
        if (!asyncAllowed) {
            throw new IllegalStateRuntimeException("asynchronous send is not allowed in a Jakarta EE web or EJB container");
        }
        this.async = completionListener;
        return this;
    }

    @Override
    public CompletionListener getAsync() {
        return async;
    }

    // ---- properties --------------------------------------------------------------------------

    private JMSProducer property(JmsCall.JmsAction set) {
        JmsCall.run(set);
        return this;
    }

    @Override
    public JMSProducer setProperty(String name, boolean value) {
        return property(() -> properties.setBooleanProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, byte value) {
        return property(() -> properties.setByteProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, short value) {
        return property(() -> properties.setShortProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, int value) {
        return property(() -> properties.setIntProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, long value) {
        return property(() -> properties.setLongProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, float value) {
        return property(() -> properties.setFloatProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, double value) {
        return property(() -> properties.setDoubleProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, String value) {
        return property(() -> properties.setStringProperty(name, value));
    }

    @Override
    public JMSProducer setProperty(String name, Object value) {
        return property(() -> properties.setObjectProperty(name, value));
    }

    @Override
    public JMSProducer clearProperties() {
        return property(properties::clearProperties);
    }

    @Override
    public boolean propertyExists(String name) {
        return JmsCall.unchecked(() -> properties.propertyExists(name));
    }

    @Override
    public boolean getBooleanProperty(String name) {
        return JmsCall.unchecked(() -> properties.getBooleanProperty(name));
    }

    @Override
    public byte getByteProperty(String name) {
        return JmsCall.unchecked(() -> properties.getByteProperty(name));
    }

    @Override
    public short getShortProperty(String name) {
        return JmsCall.unchecked(() -> properties.getShortProperty(name));
    }

    @Override
    public int getIntProperty(String name) {
        return JmsCall.unchecked(() -> properties.getIntProperty(name));
    }

    @Override
    public long getLongProperty(String name) {
        return JmsCall.unchecked(() -> properties.getLongProperty(name));
    }

    @Override
    public float getFloatProperty(String name) {
        return JmsCall.unchecked(() -> properties.getFloatProperty(name));
    }

    @Override
    public double getDoubleProperty(String name) {
        return JmsCall.unchecked(() -> properties.getDoubleProperty(name));
    }

    @Override
    public String getStringProperty(String name) {
        return JmsCall.unchecked(() -> properties.getStringProperty(name));
    }

    @Override
    public Object getObjectProperty(String name) {
        return JmsCall.unchecked(() -> properties.getObjectProperty(name));
    }

    @Override
    public Set<String> getPropertyNames() {
        return JmsCall.unchecked(() -> {
            Set<String> names = new HashSet<>();
            Enumeration<?> e = properties.getPropertyNames();
            while (e.hasMoreElements()) {
                names.add((String) e.nextElement());
            }
            return Collections.unmodifiableSet(names);
        });
    }

    // ---- headers -----------------------------------------------------------------------------

    @Override
    public JMSProducer setJMSCorrelationIDAsBytes(byte[] correlationID) {
        if (correlationID == null || correlationID.length == 0) {
            throw new JMSRuntimeException("correlation id bytes are " + (correlationID == null ? "null" : "empty"));
        }
        this.correlationIdBytes = correlationID.clone();
        this.correlationId = null;
        return this;
    }

    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        return correlationIdBytes == null ? null : correlationIdBytes.clone();
    }

    @Override
    public JMSProducer setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
        return this;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationIdBytes != null ? new String(correlationIdBytes, java.nio.charset.StandardCharsets.UTF_8) : correlationId;
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
