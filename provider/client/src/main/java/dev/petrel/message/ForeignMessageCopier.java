package dev.petrel.message;

import dev.petrel.client.PetrelDestination;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.Enumeration;

/**
 * Converts a message of any JMS provider into a writable Petrel message: headers, the properties an
 * application may set (provider-only JMSX properties such as JMSXDeliveryCount are left out), and
 * the body by message type. Reads a BytesMessage or StreamMessage from its start (after
 * {@code reset()}, which leaves it in read-only mode). Stateless.
 */
final class ForeignMessageCopier {
    private ForeignMessageCopier() {
    }

    static PetrelMessage copy(Message foreign) throws JMSException {
        PetrelMessage copy = copyBody(foreign);
        copy.setJMSMessageID(foreign.getJMSMessageID());
        copy.setJMSTimestamp(foreign.getJMSTimestamp());
        copy.setJMSCorrelationID(foreign.getJMSCorrelationID());
        copy.setJMSReplyTo(PetrelDestination.from(foreign.getJMSReplyTo()));
        copy.setJMSDestination(PetrelDestination.from(foreign.getJMSDestination()));
        copy.setJMSDeliveryMode(foreign.getJMSDeliveryMode());
        copy.setJMSPriority(foreign.getJMSPriority());
        copy.setJMSExpiration(foreign.getJMSExpiration());
        copy.setJMSDeliveryTime(foreign.getJMSDeliveryTime());
        copy.setJMSType(foreign.getJMSType());
        Enumeration<?> names = foreign.getPropertyNames();
        while (names.hasMoreElements()) {
            String name = (String) names.nextElement();
            if (!PropertyNames.isProviderOnly(name)) {
                copy.setObjectProperty(name, foreign.getObjectProperty(name));
            }
        }
        return copy;
    }

    private static PetrelMessage copyBody(Message foreign) throws JMSException {
        if (foreign instanceof TextMessage text) {
            return new PetrelTextMessage(text.getText());
        }
        if (foreign instanceof BytesMessage bytes) {
            return copyBytes(bytes);
        }
        if (foreign instanceof MapMessage map) {
            PetrelMapMessage copy = new PetrelMapMessage();
            Enumeration<?> names = map.getMapNames();
            while (names.hasMoreElements()) {
                String name = (String) names.nextElement();
                copy.setObject(name, map.getObject(name));
            }
            return copy;
        }
        if (foreign instanceof StreamMessage stream) {
            return copyStream(stream);
        }
        if (foreign instanceof ObjectMessage object) {
            PetrelObjectMessage copy = new PetrelObjectMessage();
            copy.setObject(object.getObject());
            return copy;
        }
        return new PetrelMessage();
    }

    private static PetrelBytesMessage copyBytes(BytesMessage foreign) throws JMSException {
        foreign.reset();
        PetrelBytesMessage copy = new PetrelBytesMessage();
        byte[] chunk = new byte[8192];
        for (int count = foreign.readBytes(chunk); count != -1; count = foreign.readBytes(chunk)) {
            copy.writeBytes(chunk, 0, count);
            if (count == 0) {
                break;
            }
        }
        foreign.reset();
        return copy;
    }

    private static PetrelStreamMessage copyStream(StreamMessage foreign) throws JMSException {
        foreign.reset();
        PetrelStreamMessage copy = new PetrelStreamMessage();
        while (true) {
            Object value;
            try {
                value = foreign.readObject();
            } catch (MessageEOFException end) {
                break;
            }
            copy.writeObject(value);
        }
        foreign.reset();
        return copy;
    }
}
