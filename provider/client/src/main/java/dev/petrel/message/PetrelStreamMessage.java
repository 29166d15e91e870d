package dev.petrel.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import jakarta.jms.StreamMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Petrel's {@link StreamMessage}: a sequence of typed values, read in order with the conversion
 * table of {@link TypeConversions}. A new or cleared message is write-only; {@link #reset()} (or
 * receiving it) makes it read-only. A read that fails (wrong type, unparsable string) does not
 * advance the position. A byte[] value may be read in chunks by {@link #readBytes}; until that
 * returns less than the buffer size or -1, other reads fail with MessageFormatException. A received
 * body is decoded on first access. Not thread-safe.
 */
public class PetrelStreamMessage extends PetrelMessage implements StreamMessage {
    private List<Object> values = new ArrayList<>();
    private byte[] undecoded;
    private boolean readMode;
    private int index;
    /** The byte[] value readBytes is in the middle of, or null. */
    private byte[] partial;
    private int partialOffset;

    public PetrelStreamMessage() {
    }

    @Override
    BodyType bodyType() {
        return BodyType.STREAM;
    }

    @Override
    byte[] encodeBody() {
        return undecoded != null ? undecoded.clone() : StreamBodyCodec.encode(values);
    }

    @Override
    void loadReceivedBody(byte[] body) {
        undecoded = body;
        values = null;
        startReading();
    }

    @Override
    void emptyBody() {
        undecoded = null;
        values = new ArrayList<>();
        readMode = false;
        index = 0;
        partial = null;
    }

    private void startReading() {
        readMode = true;
        index = 0;
        partial = null;
        partialOffset = 0;
    }

    private List<Object> values() throws MessageFormatException {
        if (values == null) {
            try {
                values = StreamBodyCodec.decode(undecoded);
            } catch (IllegalArgumentException e) {
                MessageFormatException mfe = new MessageFormatException("the stream body is corrupt: " + e.getMessage());
                mfe.initCause(e);
                throw mfe;
            }
            undecoded = null;
        }
        return values;
    }

    /** Makes the body read-only and moves to its first value. */
    @Override
    public void reset() {
        startReading();
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!readMode) {
            throw new MessageNotReadableException("the StreamMessage is write-only: call reset() before reading");
        }
    }

    /** The next value, without consuming it. */
    private Object peek() throws JMSException {
        checkReadable();
        if (partial != null) {
            throw new MessageFormatException("value " + index + " is a byte[] that readBytes has not finished reading");
        }
        List<Object> all = values();
        if (index >= all.size()) {
            throw new MessageEOFException("end of the stream: all " + all.size() + " values were read");
        }
        return all.get(index);
    }

    private String what() {
        return "stream value " + index;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        boolean value = TypeConversions.toBoolean(peek(), what());
        index++;
        return value;
    }

    @Override
    public byte readByte() throws JMSException {
        byte value = TypeConversions.toByte(peek(), what());
        index++;
        return value;
    }

    @Override
    public short readShort() throws JMSException {
        short value = TypeConversions.toShort(peek(), what());
        index++;
        return value;
    }

    @Override
    public char readChar() throws JMSException {
        char value = TypeConversions.toChar(peek(), what());
        index++;
        return value;
    }

    @Override
    public int readInt() throws JMSException {
        int value = TypeConversions.toInt(peek(), what());
        index++;
        return value;
    }

    @Override
    public long readLong() throws JMSException {
        long value = TypeConversions.toLong(peek(), what());
        index++;
        return value;
    }

    @Override
    public float readFloat() throws JMSException {
        float value = TypeConversions.toFloat(peek(), what());
        index++;
        return value;
    }

    @Override
    public double readDouble() throws JMSException {
        double value = TypeConversions.toDouble(peek(), what());
        index++;
        return value;
    }

    @Override
    public String readString() throws JMSException {
        String value = TypeConversions.toText(peek(), what());
        index++;
        return value;
    }

    /** The next value in its objectified form (a byte[] is copied). */
    @Override
    public Object readObject() throws JMSException {
        Object value = peek();
        index++;
        return value instanceof byte[] bytes ? bytes.clone() : value;
    }

    /**
     * Reads (part of) a byte[] value: the number of bytes copied, 0 for an empty array, -1 for a null
     * value or once the whole array was returned in buffer-sized chunks.
     */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        checkReadable();
        if (partial == null) {
            Object next = peek();
            if (next == null) {
                index++;
                return -1;
            }
            if (!(next instanceof byte[] bytes)) {
                throw new MessageFormatException("cannot read " + what() + " of type "
                        + next.getClass().getSimpleName() + " as byte[]");
            }
            if (bytes.length == 0) {
                index++;
                return 0;
            }
            partial = bytes;
            partialOffset = 0;
        }
        int remaining = partial.length - partialOffset;
        if (remaining == 0) {
            finishPartial();
            return -1;
        }
        int count = Math.min(value.length, remaining);
        System.arraycopy(partial, partialOffset, value, 0, count);
        partialOffset += count;
        if (partialOffset == partial.length && count < value.length) {
            finishPartial();
        }
        return count;
    }

    private void finishPartial() {
        partial = null;
        partialOffset = 0;
        index++;
    }

    private void append(Object value) throws JMSException {
        if (readMode) {
            throw new MessageNotWriteableException("the StreamMessage is read-only: call clearBody() before writing");
        }
        values().add(value);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        append(value);
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        append(value);
    }

    @Override
    public void writeShort(short value) throws JMSException {
        append(value);
    }

    @Override
    public void writeChar(char value) throws JMSException {
        append(value);
    }

    @Override
    public void writeInt(int value) throws JMSException {
        append(value);
    }

    @Override
    public void writeLong(long value) throws JMSException {
        append(value);
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        append(value);
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        append(value);
    }

    @Override
    public void writeString(String value) throws JMSException {
        append(value);
    }

    /** Writes a copy of the array (null writes a null value). */
    @Override
    public void writeBytes(byte[] value) throws JMSException {
        append(value == null ? null : value.clone());
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        if (offset < 0 || length < 0 || offset > value.length - length) {
            throw new IndexOutOfBoundsException("offset " + offset + " and length " + length
                    + " do not fit an array of " + value.length + " bytes");
        }
        append(Arrays.copyOfRange(value, offset, offset + length));
    }

    /** @throws MessageFormatException unless the value is null, a boxed primitive, a String or a byte[] */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (!TypedValueCodec.isBodyType(value)) {
            throw new MessageFormatException("StreamMessage.writeObject cannot write a " + value.getClass().getName()
                    + ": only boxed primitives, String and byte[] are allowed");
        }
        append(value instanceof byte[] bytes ? bytes.clone() : value);
    }

    /** @throws MessageFormatException always: a StreamMessage body cannot be returned by getBody */
    @Override
    public <T> T getBody(Class<T> c) throws JMSException {
        throw new MessageFormatException("the body of a StreamMessage cannot be returned by getBody; read it with readObject()");
    }

    /** False: a StreamMessage body is never assignable. */
    @Override
    @SuppressWarnings("rawtypes")
    public boolean isBodyAssignableTo(Class c) {
        return false;
    }
}
