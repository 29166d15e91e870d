package dev.petrel.message;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.MessageFormatException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Petrel's {@link MapMessage}: named values of the JMS body types, read with the conversion table
 * of {@link TypeConversions}. A received body is decoded on first access. Not thread-safe.
 */
public class PetrelMapMessage extends PetrelMessage implements MapMessage {
    private Map<String, Object> map = new LinkedHashMap<>();
    private byte[] undecoded;

    public PetrelMapMessage() {
    }

    @Override
    BodyType bodyType() {
        return BodyType.MAP;
    }

    @Override
    byte[] encodeBody() {
        return undecoded != null ? undecoded.clone() : MapBodyCodec.encode(map);
    }

    @Override
    void loadReceivedBody(byte[] body) {
        undecoded = body;
        map = null;
    }

    @Override
    void emptyBody() {
        undecoded = null;
        map = new LinkedHashMap<>();
    }

    private Map<String, Object> map() throws MessageFormatException {
        if (map == null) {
            try {
                map = MapBodyCodec.decode(undecoded);
            } catch (IllegalArgumentException e) {
                MessageFormatException mfe = new MessageFormatException("the map body is corrupt: " + e.getMessage());
                mfe.initCause(e);
                throw mfe;
            }
            undecoded = null;
        }
        return map;
    }

    private Object value(String name) throws MessageFormatException {
        return map().get(name);
    }

    private static String what(String name) {
        return "map entry '" + name + "'";
    }

    private void put(String name, Object value) throws JMSException {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a map entry name must not be " + (name == null ? "null" : "empty"));
        }
        checkBodyWritable();
        map().put(name, value);
    }

    @Override
    public boolean getBoolean(String name) throws JMSException {
        return TypeConversions.toBoolean(value(name), what(name));
    }

    @Override
    public byte getByte(String name) throws JMSException {
        return TypeConversions.toByte(value(name), what(name));
    }

    @Override
    public short getShort(String name) throws JMSException {
        return TypeConversions.toShort(value(name), what(name));
    }

    @Override
    public char getChar(String name) throws JMSException {
        return TypeConversions.toChar(value(name), what(name));
    }

    @Override
    public int getInt(String name) throws JMSException {
        return TypeConversions.toInt(value(name), what(name));
    }

    @Override
    public long getLong(String name) throws JMSException {
        return TypeConversions.toLong(value(name), what(name));
    }

    @Override
    public float getFloat(String name) throws JMSException {
        return TypeConversions.toFloat(value(name), what(name));
    }

    @Override
    public double getDouble(String name) throws JMSException {
        return TypeConversions.toDouble(value(name), what(name));
    }

    @Override
    public String getString(String name) throws JMSException {
        return TypeConversions.toText(value(name), what(name));
    }

    /** A copy of the byte array, or null when missing or null. */
    @Override
    public byte[] getBytes(String name) throws JMSException {
        return TypeConversions.toBytes(value(name), what(name));
    }

    /** The value in its objectified form (a byte[] is copied). */
    @Override
    public Object getObject(String name) throws JMSException {
        Object value = value(name);
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    @Override
    public Enumeration<String> getMapNames() throws JMSException {
        return Collections.enumeration(new java.util.ArrayList<>(map().keySet()));
    }

    @Override
    public void setBoolean(String name, boolean value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setByte(String name, byte value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setShort(String name, short value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setChar(String name, char value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setInt(String name, int value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setLong(String name, long value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setFloat(String name, float value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setDouble(String name, double value) throws JMSException {
        put(name, value);
    }

    @Override
    public void setString(String name, String value) throws JMSException {
        put(name, value);
    }

    /** Stores a copy of the array (null stores null). */
    @Override
    public void setBytes(String name, byte[] value) throws JMSException {
        put(name, value == null ? null : value.clone());
    }

    /** Stores a copy of {@code length} bytes from {@code offset}. */
    @Override
    public void setBytes(String name, byte[] value, int offset, int length) throws JMSException {
        if (value == null) {
            throw new NullPointerException("map entry '" + name + "': the byte array is null");
        }
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException("map entry '" + name + "': offset " + offset + " and length " + length
                    + " do not fit an array of " + value.length + " bytes");
        }
        put(name, java.util.Arrays.copyOfRange(value, offset, offset + length));
    }

    /** @throws MessageFormatException unless the value is null, a boxed primitive, a String or a byte[] */
    @Override
    public void setObject(String name, Object value) throws JMSException {
        if (!TypedValueCodec.isBodyType(value)) {
            throw new MessageFormatException("map entry '" + name + "' cannot hold a " + value.getClass().getName()
                    + ": only boxed primitives, String and byte[] are allowed");
        }
        put(name, value instanceof byte[] bytes ? bytes.clone() : value);
    }

    @Override
    public boolean itemExists(String name) throws JMSException {
        return map().containsKey(name);
    }

    /** A copy of the map, or null when it is empty. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getBody(Class<T> c) throws JMSException {
        Map<String, Object> current = map();
        if (current.isEmpty()) {
            return null;
        }
        if (!c.isAssignableFrom(Map.class)) {
            throw new MessageFormatException("the body of a MapMessage is a Map, not assignable to " + c.getName());
        }
        Map<String, Object> copy = new LinkedHashMap<>(current);
        copy.replaceAll((name, value) -> value instanceof byte[] bytes ? bytes.clone() : value);
        return (T) copy;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public boolean isBodyAssignableTo(Class c) throws JMSException {
        return map().isEmpty() || c.isAssignableFrom(Map.class);
    }
}
