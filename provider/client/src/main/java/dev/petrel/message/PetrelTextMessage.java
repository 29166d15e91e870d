package dev.petrel.message;

import jakarta.jms.JMSException;
import jakarta.jms.MessageFormatException;
import jakarta.jms.TextMessage;

/** Petrel's {@link TextMessage}; a received body is decoded from UTF-8 on first access. Not thread-safe. */
public class PetrelTextMessage extends PetrelMessage implements TextMessage {
    private String text;
    private byte[] undecoded;

    public PetrelTextMessage() {
    }

    public PetrelTextMessage(String text) {
        this.text = text;
    }

    @Override
    BodyType bodyType() {
        return BodyType.TEXT;
    }

    @Override
    byte[] encodeBody() {
        return undecoded != null ? undecoded.clone() : TextBodyCodec.encode(text);
    }

    @Override
    void loadReceivedBody(byte[] body) {
        undecoded = body;
        text = null;
    }

    @Override
    void emptyBody() {
        undecoded = null;
        text = null;
    }

    @Override
    public void setText(String string) throws JMSException {
        checkBodyWritable();
        undecoded = null;
        text = string;
    }

    @Override
    public String getText() {
        if (undecoded != null) {
            text = TextBodyCodec.decode(undecoded);
            undecoded = null;
        }
        return text;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getBody(Class<T> c) throws JMSException {
        String body = getText();
        if (body == null) {
            return null;
        }
        if (!c.isAssignableFrom(String.class)) {
            throw new MessageFormatException("the body of a TextMessage is a String, not assignable to " + c.getName());
        }
        return (T) body;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public boolean isBodyAssignableTo(Class c) {
        return getText() == null || c.isAssignableFrom(String.class);
    }
}
