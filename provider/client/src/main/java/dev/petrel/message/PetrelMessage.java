package dev.petrel.message;

import dev.petrel.client.PetrelDestination;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;

/**
 * Petrel's {@link Message}: the headers and properties every message has, the body being added by
 * the subclasses. Also the bridge to {@link MessageData}: {@link #toData()} snapshots a message for
 * sending, {@link #fromData} builds the received message, {@link #copyOf} converts a foreign one.
 *
 * <p>Not thread-safe, like the JMS session that owns it: a message is used by one thread at a time.
 */
public class PetrelMessage implements Message {
    private String messageId;
    private long timestamp;
    private String correlationId;
    private byte[] correlationIdBytes;
    private Destination replyTo;
    private Destination destination;
    private int deliveryMode = DeliveryMode.PERSISTENT;
    private boolean redelivered;
    private String type;
    private long expiration;
    private long deliveryTime;
    private int priority = Message.DEFAULT_PRIORITY;
    private final MessageProperties properties = new MessageProperties();
    private boolean bodyReadOnly;
    private MessageAcknowledger acknowledger;

    /** A new, writable message. */
    public PetrelMessage() {
    }

    // ---- the bridge to MessageData

    /**
     * A snapshot of this message for sending, independent of later changes to it. Call after stamping
     * the headers: {@code JMSDestination} must be set. {@code JMSXDeliveryCount} and
     * {@code JMSRedelivered} are not included (they belong to a delivery).
     *
     * @throws IllegalStateException when JMSDestination is not set
     * @throws jakarta.jms.InvalidDestinationException when JMSDestination or JMSReplyTo is a foreign
     *         destination that is neither a Queue nor a Topic
     */
    public MessageData toData() throws JMSException {
        if (destination == null) {
            throw new IllegalStateException("cannot snapshot a message without JMSDestination: set it before toData()");
        }
        return new MessageData(messageId, timestamp, correlationId,
                correlationIdBytes == null ? null : correlationIdBytes.clone(),
                PetrelDestination.refOf(replyTo), PetrelDestination.refOf(destination), deliveryMode, priority,
                expiration, deliveryTime, type, properties.snapshot(), bodyType(), encodeBody());
    }

    /**
     * The received message for a delivered snapshot: the subtype its body type calls for, with
     * read-only properties and body, {@code JMSXDeliveryCount} and {@code JMSRedelivered} set, and a
     * bytes or stream body ready to read. The body is decoded on first access.
     */
    public static PetrelMessage fromData(MessageData data, int deliveryCount, boolean redelivered) {
        return ReceivedMessageFactory.build(data, deliveryCount, redelivered);
    }

    /**
     * A Petrel copy of any JMS message (headers, properties except provider-set JMSX ones, body by
     * message type), for sending a message of another provider. A BytesMessage is reset and read.
     */
    public static PetrelMessage copyOf(Message foreign) throws JMSException {
        return ForeignMessageCopier.copy(foreign);
    }

    /** Sets the callback {@link #acknowledge()} calls; the consuming session sets it on received messages. */
    public void setAcknowledger(MessageAcknowledger acknowledger) {
        this.acknowledger = acknowledger;
    }

    /** Sets a property without the application's checks (read-only, JMSX rules): for the provider only. */
    public void setProviderProperty(String name, Object value) {
        properties.setByProvider(name, value);
    }

    // ---- body hooks for the subclasses

    BodyType bodyType() {
        return BodyType.NONE;
    }

    /** The encoded body for a snapshot, or null for none. */
    byte[] encodeBody() throws JMSException {
        return null;
    }

    /** Takes the body of a received message, to decode now or on first access. */
    void loadReceivedBody(byte[] body) {
    }

    /** Empties the body (clearBody then makes it writable). */
    void emptyBody() {
    }

    final MessageProperties properties() {
        return properties;
    }

    final void markBodyReadOnly() {
        bodyReadOnly = true;
    }

    final void checkBodyWritable() throws MessageNotWriteableException {
        if (bodyReadOnly) {
            throw new MessageNotWriteableException("the body of a received message is read-only until clearBody()");
        }
    }

    // ---- headers

    @Override
    public String getJMSMessageID() {
        return messageId;
    }

    @Override
    public void setJMSMessageID(String id) {
        this.messageId = id;
    }

    @Override
    public long getJMSTimestamp() {
        return timestamp;
    }

    @Override
    public void setJMSTimestamp(long timestamp) {
        this.timestamp = timestamp;
    }

    /** The bytes set with {@link #setJMSCorrelationIDAsBytes}, else the string's UTF-8 bytes, else null. */
    @Override
    public byte[] getJMSCorrelationIDAsBytes() {
        if (correlationIdBytes != null) {
            return correlationIdBytes.clone();
        }
        return correlationId == null ? null : correlationId.getBytes(StandardCharsets.UTF_8);
    }

    /** Sets the bytes; {@link #getJMSCorrelationID()} then returns them decoded as UTF-8 (for selectors). */
    @Override
    public void setJMSCorrelationIDAsBytes(byte[] correlationID) {
        this.correlationIdBytes = correlationID == null ? null : correlationID.clone();
        this.correlationId = correlationID == null ? null : new String(correlationID, StandardCharsets.UTF_8);
    }

    @Override
    public void setJMSCorrelationID(String correlationID) {
        this.correlationId = correlationID;
        this.correlationIdBytes = null;
    }

    @Override
    public String getJMSCorrelationID() {
        return correlationId;
    }

    @Override
    public Destination getJMSReplyTo() {
        return replyTo;
    }

    @Override
    public void setJMSReplyTo(Destination replyTo) {
        this.replyTo = replyTo;
    }

    @Override
    public Destination getJMSDestination() {
        return destination;
    }

    @Override
    public void setJMSDestination(Destination destination) {
        this.destination = destination;
    }

    @Override
    public int getJMSDeliveryMode() {
        return deliveryMode;
    }

    @Override
    public void setJMSDeliveryMode(int deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    @Override
    public boolean getJMSRedelivered() {
        return redelivered;
    }

    @Override
    public void setJMSRedelivered(boolean redelivered) {
        this.redelivered = redelivered;
    }

    @Override
    public String getJMSType() {
        return type;
    }

    @Override
    public void setJMSType(String type) {
        this.type = type;
    }

    @Override
    public long getJMSExpiration() {
        return expiration;
    }

    @Override
    public void setJMSExpiration(long expiration) {
        this.expiration = expiration;
    }

    @Override
    public long getJMSDeliveryTime() {
        return deliveryTime;
    }

    @Override
    public void setJMSDeliveryTime(long deliveryTime) {
        this.deliveryTime = deliveryTime;
    }

    @Override
    public int getJMSPriority() {
        return priority;
    }

    @Override
    public void setJMSPriority(int priority) {
        this.priority = priority;
    }

    // ---- properties

    @Override
    public void clearProperties() {
        properties.clear();
    }

    @Override
    public boolean propertyExists(String name) {
        return properties.exists(name);
    }

    @Override
    public boolean getBooleanProperty(String name) throws JMSException {
        return properties.getBoolean(name);
    }

    @Override
    public byte getByteProperty(String name) throws JMSException {
        return properties.getByte(name);
    }

    @Override
    public short getShortProperty(String name) throws JMSException {
        return properties.getShort(name);
    }

    @Override
    public int getIntProperty(String name) throws JMSException {
        return properties.getInt(name);
    }

    @Override
    public long getLongProperty(String name) throws JMSException {
        return properties.getLong(name);
    }

    @Override
    public float getFloatProperty(String name) throws JMSException {
        return properties.getFloat(name);
    }

    @Override
    public double getDoubleProperty(String name) throws JMSException {
        return properties.getDouble(name);
    }

    @Override
    public String getStringProperty(String name) throws JMSException {
        return properties.getString(name);
    }

    @Override
    public Object getObjectProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Enumeration<String> getPropertyNames() {
        return properties.names();
    }

    @Override
    public void setBooleanProperty(String name, boolean value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setByteProperty(String name, byte value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setShortProperty(String name, short value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setIntProperty(String name, int value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setLongProperty(String name, long value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setFloatProperty(String name, float value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setDoubleProperty(String name, double value) throws JMSException {
        properties.set(name, value);
    }

    @Override
    public void setStringProperty(String name, String value) throws JMSException {
        properties.set(name, value);
    }

    /** @throws MessageFormatException unless the value is null, a boxed primitive (not Character) or a String */
    @Override
    public void setObjectProperty(String name, Object value) throws JMSException {
        properties.set(name, value);
    }

    // ---- acknowledgement and body

    /** Calls the session's acknowledger; does nothing on a message that was not received. */
    @Override
    public void acknowledge() throws JMSException {
        if (acknowledger != null) {
            acknowledger.acknowledge();
        }
    }

    /** Empties the body and makes it writable; properties and headers are kept. */
    @Override
    public void clearBody() throws JMSException {
        emptyBody();
        bodyReadOnly = false;
    }

    /** A plain message has no body: null for any class. */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        return null;
    }

    /** A plain message has no body, which is assignable to anything. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return true;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + messageId + ", destination=" + destination + "]";
    }
}
