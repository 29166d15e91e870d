package dev.petrel.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotWriteableException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The properties of one {@link PetrelMessage}: insertion-ordered values of the JMS property types,
 * the read-only state of a received message, and the typed getters with the conversion table of
 * {@link TypeConversions}. Not thread-safe, like the message it belongs to.
 */
final class MessageProperties {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private boolean readOnly;

    void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Sets a property as the application does: checks writability, the name, the value type and the
     * JMSX rules.
     */
    void set(String name, Object value) throws JMSException {
        PropertyNames.validate(name);
        if (readOnly) {
            throw new MessageNotWriteableException("cannot set property '" + name
                    + "': the properties of a received message are read-only until clearProperties()");
        }
        if (!TypedValueCodec.isPropertyType(value)) {
            throw new MessageFormatException("property '" + name + "' cannot hold a " + value.getClass().getName()
                    + ": only Boolean, Byte, Short, Integer, Long, Float, Double and String are allowed");
        }
        if (PropertyNames.isProviderOnly(name)) {
            throw new IllegalArgumentException("property '" + name
                    + "' is set by the provider; of the JMSX properties an application may set only JMSXGroupID and JMSXGroupSeq");
        }
        if (PropertyNames.JMSX_GROUP_ID.equals(name) && value != null && !(value instanceof String)) {
            throw new MessageFormatException("JMSXGroupID must be a String, not a " + value.getClass().getSimpleName());
        }
        if (PropertyNames.JMSX_GROUP_SEQ.equals(name) && !(value instanceof Integer)) {
            throw new MessageFormatException("JMSXGroupSeq must be an int, not "
                    + (value == null ? "null" : "a " + value.getClass().getSimpleName()));
        }
        values.put(name, value);
    }

    /** Sets a property as the provider does: no writability or JMSX checks. */
    void setByProvider(String name, Object value) {
        values.put(name, value);
    }

    void putAll(Map<String, Object> properties) {
        values.putAll(properties);
    }

    Object get(String name) {
        return values.get(name);
    }

    boolean exists(String name) {
        return name != null && values.containsKey(name);
    }

    Enumeration<String> names() {
        return Collections.enumeration(new java.util.ArrayList<>(values.keySet()));
    }

    void clear() {
        values.clear();
        readOnly = false;
    }

    /** A copy for a {@link MessageData} snapshot: everything except JMSXDeliveryCount, which belongs to a delivery. */
    Map<String, Object> snapshot() {
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.remove(PropertyNames.JMSX_DELIVERY_COUNT);
        return copy;
    }

    private static String what(String name) {
        return "property '" + name + "'";
    }

    boolean getBoolean(String name) throws MessageFormatException {
        return TypeConversions.toBoolean(values.get(name), what(name));
    }

    byte getByte(String name) throws MessageFormatException {
        return TypeConversions.toByte(values.get(name), what(name));
    }

    short getShort(String name) throws MessageFormatException {
        return TypeConversions.toShort(values.get(name), what(name));
    }

    int getInt(String name) throws MessageFormatException {
        return TypeConversions.toInt(values.get(name), what(name));
    }

    long getLong(String name) throws MessageFormatException {
        return TypeConversions.toLong(values.get(name), what(name));
    }

    float getFloat(String name) throws MessageFormatException {
        return TypeConversions.toFloat(values.get(name), what(name));
    }

    double getDouble(String name) throws MessageFormatException {
        return TypeConversions.toDouble(values.get(name), what(name));
    }

    String getString(String name) throws MessageFormatException {
        return TypeConversions.toText(values.get(name), what(name));
    }
}
