package dev.petrel.message;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MessageEOFException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageNotReadableException;
import jakarta.jms.MessageNotWriteableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;

/**
 * Petrel's {@link BytesMessage}: a stream of bytes in {@code DataOutput} format. A new or cleared
 * message is write-only; {@link #reset()} (or receiving it) makes it read-only. A read that fails
 * leaves the position unchanged. Not thread-safe.
 */
public class PetrelBytesMessage extends PetrelMessage implements BytesMessage {
    private static final byte[] EMPTY = new byte[0];

    private boolean readMode;
    private ByteArrayOutputStream written = new ByteArrayOutputStream(64);
    private DataOutputStream out = new DataOutputStream(written);
    private byte[] body = EMPTY;
    private ByteArrayInputStream bodyStream;
    private DataInputStream in;

    public PetrelBytesMessage() {
    }

    @Override
    BodyType bodyType() {
        return BodyType.BYTES;
    }

    private byte[] content() {
        return readMode ? body : written.toByteArray();
    }

    @Override
    byte[] encodeBody() {
        byte[] content = content();
        return content.length == 0 ? null : (readMode ? content.clone() : content);
    }

    @Override
    void loadReceivedBody(byte[] received) {
        startReading(received == null ? EMPTY : received);
    }

    @Override
    void emptyBody() {
        readMode = false;
        body = EMPTY;
        bodyStream = null;
        in = null;
        written = new ByteArrayOutputStream(64);
        out = new DataOutputStream(written);
    }

    private void startReading(byte[] content) {
        readMode = true;
        body = content;
        bodyStream = new ByteArrayInputStream(body);
        in = new DataInputStream(bodyStream);
        written = null;
        out = null;
    }

    /** Makes the body read-only and moves to its start. */
    @Override
    public void reset() {
        startReading(readMode ? body : written.toByteArray());
    }

    @Override
    public long getBodyLength() throws JMSException {
        checkReadable();
        return body.length;
    }

    private void checkReadable() throws MessageNotReadableException {
        if (!readMode) {
            throw new MessageNotReadableException("the BytesMessage is write-only: call reset() before reading");
        }
    }

    private DataOutputStream writer() throws MessageNotWriteableException {
        if (readMode) {
            throw new MessageNotWriteableException("the BytesMessage is read-only: call clearBody() before writing");
        }
        return out;
    }

    @FunctionalInterface
    private interface Read<T> {
        T from(DataInputStream in) throws IOException;
    }

    private <T> T read(String what, Read<T> read) throws JMSException {
        checkReadable();
        bodyStream.mark(0);
        try {
            return read.from(in);
        } catch (EOFException e) {
            bodyStream.reset();
            throw withCause(new MessageEOFException("cannot read " + what + ": end of the "
                    + body.length + "-byte body"), e);
        } catch (UTFDataFormatException e) {
            bodyStream.reset();
            throw withCause(new MessageFormatException("cannot read " + what + ": malformed modified UTF-8: "
                    + e.getMessage()), e);
        } catch (IOException e) {
            bodyStream.reset();
            throw withCause(new MessageFormatException("cannot read " + what + ": " + e), e);
        }
    }

    @FunctionalInterface
    private interface Write {
        void to(DataOutputStream out) throws IOException;
    }

    private void write(Write write) throws JMSException {
        DataOutputStream target = writer();
        try {
            write.to(target);
        } catch (IOException e) {
            throw withCause(new MessageFormatException("cannot write to the BytesMessage: " + e), e);
        }
    }

    private static <E extends JMSException> E withCause(E e, Exception cause) {
        e.setLinkedException(cause);
        e.initCause(cause);
        return e;
    }

    @Override
    public boolean readBoolean() throws JMSException {
        return read("a boolean", DataInputStream::readBoolean);
    }

    @Override
    public byte readByte() throws JMSException {
        return read("a byte", DataInputStream::readByte);
    }

    @Override
    public int readUnsignedByte() throws JMSException {
        return read("an unsigned byte", DataInputStream::readUnsignedByte);
    }

    @Override
    public short readShort() throws JMSException {
        return read("a short", DataInputStream::readShort);
    }

    @Override
    public int readUnsignedShort() throws JMSException {
        return read("an unsigned short", DataInputStream::readUnsignedShort);
    }

    @Override
    public char readChar() throws JMSException {
        return read("a char", DataInputStream::readChar);
    }

    @Override
    public int readInt() throws JMSException {
        return read("an int", DataInputStream::readInt);
    }

    @Override
    public long readLong() throws JMSException {
        return read("a long", DataInputStream::readLong);
    }

    @Override
    public float readFloat() throws JMSException {
        return read("a float", DataInputStream::readFloat);
    }

    @Override
    public double readDouble() throws JMSException {
        return read("a double", DataInputStream::readDouble);
    }

    @Override
    public String readUTF() throws JMSException {
        return read("a UTF string", stream -> stream.readUTF());
    }

    /** Reads up to {@code value.length} bytes; -1 when the body is fully read. */
    @Override
    public int readBytes(byte[] value) throws JMSException {
        return readBytes(value, value.length);
    }

    /**
     * Reads up to {@code length} bytes into the start of {@code value}; -1 when the body is fully read.
     *
     * @throws IndexOutOfBoundsException when length is negative or larger than the array
     */
    @Override
    public int readBytes(byte[] value, int length) throws JMSException {
        checkReadable();
        if (length < 0 || length > value.length) {
            throw new IndexOutOfBoundsException("length " + length + " must be between 0 and the array length "
                    + value.length);
        }
        if (bodyStream.available() == 0) {
            return -1;
        }
        return bodyStream.read(value, 0, length);
    }

    @Override
    public void writeBoolean(boolean value) throws JMSException {
        write(o -> o.writeBoolean(value));
    }

    @Override
    public void writeByte(byte value) throws JMSException {
        write(o -> o.writeByte(value));
    }

    @Override
    public void writeShort(short value) throws JMSException {
        write(o -> o.writeShort(value));
    }

    @Override
    public void writeChar(char value) throws JMSException {
        write(o -> o.writeChar(value));
    }

    @Override
    public void writeInt(int value) throws JMSException {
        write(o -> o.writeInt(value));
    }

    @Override
    public void writeLong(long value) throws JMSException {
        write(o -> o.writeLong(value));
    }

    @Override
    public void writeFloat(float value) throws JMSException {
        write(o -> o.writeFloat(value));
    }

    @Override
    public void writeDouble(double value) throws JMSException {
        write(o -> o.writeDouble(value));
    }

    /** @throws MessageFormatException when the string's modified UTF-8 form is longer than 65535 bytes */
    @Override
    public void writeUTF(String value) throws JMSException {
        write(o -> o.writeUTF(value));
    }

    @Override
    public void writeBytes(byte[] value) throws JMSException {
        write(o -> o.write(value));
    }

    @Override
    public void writeBytes(byte[] value, int offset, int length) throws JMSException {
        write(o -> o.write(value, offset, length));
    }

    /**
     * Writes a boxed primitive, String (as UTF) or byte[].
     *
     * @throws NullPointerException when the value is null
     * @throws MessageFormatException for any other type
     */
    @Override
    public void writeObject(Object value) throws JMSException {
        if (value == null) {
            throw new NullPointerException("BytesMessage.writeObject does not accept null");
        }
        if (value instanceof Boolean v) {
            writeBoolean(v);
        } else if (value instanceof Byte v) {
            writeByte(v);
        } else if (value instanceof Short v) {
            writeShort(v);
        } else if (value instanceof Character v) {
            writeChar(v);
        } else if (value instanceof Integer v) {
            writeInt(v);
        } else if (value instanceof Long v) {
            writeLong(v);
        } else if (value instanceof Float v) {
            writeFloat(v);
        } else if (value instanceof Double v) {
            writeDouble(v);
        } else if (value instanceof String v) {
            writeUTF(v);
        } else if (value instanceof byte[] v) {
            writeBytes(v);
        } else {
            throw new MessageFormatException("BytesMessage.writeObject cannot write a " + value.getClass().getName()
                    + ": only boxed primitives, String and byte[] are allowed");
        }
    }

    /** A copy of the whole body in either mode, or null when it is empty. */
    @Override
    @SuppressWarnings("unchecked")
    public <T> T getBody(Class<T> c) throws JMSException {
        byte[] content = content();
        if (content.length == 0) {
            return null;
        }
        if (!c.isAssignableFrom(byte[].class)) {
            throw new MessageFormatException("the body of a BytesMessage is a byte[], not assignable to " + c.getName());
        }
        return (T) (readMode ? content.clone() : content);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public boolean isBodyAssignableTo(Class c) {
        return content().length == 0 || c.isAssignableFrom(byte[].class);
    }
}
