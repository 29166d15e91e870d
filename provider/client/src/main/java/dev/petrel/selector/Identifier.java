package dev.petrel.selector;

import dev.petrel.message.MessageData;

/**
 * A name in a selector: one of the six selectable header fields, or a property looked up in
 * {@link MessageData#properties()} (NULL when absent). Other {@code JMS...} names, such as
 * JMSDestination or JMSRedelivered, are not selectable headers and are looked up as properties,
 * so they are NULL unless a property of that name exists. Immutable.
 */
final class Identifier extends Expr {

    /** The header fields a selector may reference (spec 3.8.1.1), with how each is read from a message. */
    enum Header {
        DELIVERY_MODE("JMSDeliveryMode", Type.STRING) {
            @Override
            Object read(MessageData m) {
                return m.isPersistent() ? "PERSISTENT" : "NON_PERSISTENT";
            }
        },
        PRIORITY("JMSPriority", Type.NUMBER) {
            @Override
            Object read(MessageData m) {
                return Long.valueOf(m.priority());
            }
        },
        MESSAGE_ID("JMSMessageID", Type.STRING) {
            @Override
            Object read(MessageData m) {
                return m.messageId();
            }
        },
        TIMESTAMP("JMSTimestamp", Type.NUMBER) {
            @Override
            Object read(MessageData m) {
                return Long.valueOf(m.timestamp());
            }
        },
        CORRELATION_ID("JMSCorrelationID", Type.STRING) {
            @Override
            Object read(MessageData m) {
                return m.correlationId();
            }
        },
        TYPE("JMSType", Type.STRING) {
            @Override
            Object read(MessageData m) {
                return m.type();
            }
        };

        private final String fieldName;
        private final Type type;

        Header(String fieldName, Type type) {
            this.fieldName = fieldName;
            this.type = type;
        }

        abstract Object read(MessageData m);

        static Header named(String name) {
            if (!name.startsWith("JMS")) {
                return null;
            }
            for (Header header : values()) {
                if (header.fieldName.equals(name)) {
                    return header;
                }
            }
            return null;
        }
    }

    private final String name;
    private final Header header;

    Identifier(String name, int start, int end) {
        super(start, end, 1);
        this.name = name;
        this.header = Header.named(name);
    }

    @Override
    Type type() {
        return header == null ? Type.ANY : header.type;
    }

    @Override
    String kind() {
        return header == null ? "identifier" : "header";
    }

    @Override
    String describe(String source) {
        return header == null ? "identifier '" + name + "'"
                : "header '" + name + "' (" + header.type.description() + ")";
    }

    @Override
    boolean isIdentifier() {
        return true;
    }

    @Override
    Object value(MessageData message) {
        return header == null ? message.properties().get(name) : header.read(message);
    }

    @Override
    public String toString() {
        return name;
    }
}
