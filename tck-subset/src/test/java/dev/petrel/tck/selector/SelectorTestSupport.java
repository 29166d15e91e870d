package dev.petrel.tck.selector;

import dev.petrel.tck.TckTest;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Harness of the selector tests (Jakarta Messaging 3.1 §3.8), run on queues and on topics: a test
 * sends a list of messages (numbered by the property {@code idx}) to a consumer with a selector
 * and checks exactly which ones it receives.
 */
abstract class SelectorTestSupport extends TckTest {

    enum Kind { QUEUE, TOPIC }

    /** A message to send: properties plus the header fields a selector can test. */
    static final class Msg {
        final Map<String, Object> props = new LinkedHashMap<>();
        String type;
        String correlationId;
        int priority = Message.DEFAULT_PRIORITY;
        int deliveryMode = DeliveryMode.PERSISTENT;

        Msg p(String name, Object value) {
            props.put(name, value);
            return this;
        }

        Msg type(String t) {
            this.type = t;
            return this;
        }

        Msg correlation(String c) {
            this.correlationId = c;
            return this;
        }

        Msg priority(int p) {
            this.priority = p;
            return this;
        }

        Msg nonPersistent() {
            this.deliveryMode = DeliveryMode.NON_PERSISTENT;
            return this;
        }
    }

    static Msg msg() {
        return new Msg();
    }

    /** Sends {@code messages} and asserts the consumer with {@code selector} gets exactly the {@code expected} indexes. */
    protected void assertSelects(Kind kind, String selector, List<Msg> messages, Integer... expected) throws JMSException {
        try (Connection c = startedConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Destination d = kind == Kind.QUEUE ? s.createQueue(uniqueName()) : s.createTopic(uniqueName());
            MessageConsumer consumer = s.createConsumer(d, selector);
            assertEquals(selector, consumer.getMessageSelector());
            MessageProducer p = s.createProducer(d);
            for (int i = 0; i < messages.size(); i++) {
                Msg spec = messages.get(i);
                Message m = s.createMessage();
                m.setIntProperty("idx", i);
                for (Map.Entry<String, Object> e : spec.props.entrySet()) {
                    m.setObjectProperty(e.getKey(), e.getValue());
                }
                if (spec.type != null) {
                    m.setJMSType(spec.type);
                }
                if (spec.correlationId != null) {
                    m.setJMSCorrelationID(spec.correlationId);
                }
                p.send(m, spec.deliveryMode, spec.priority, 0);
            }
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < expected.length; i++) {
                got.add(receiveRequired(consumer).getIntProperty("idx"));
            }
            got.sort(null);
            List<Integer> want = new ArrayList<>(Arrays.asList(expected));
            want.sort(null);
            assertEquals(want, got, "messages selected by \"" + selector + "\"");
            Message extra = consumer.receive(250);
            assertNull(extra, () -> "\"" + selector + "\" also selected message " + idx(extra));
        }
    }

    private static String idx(Message m) {
        try {
            return String.valueOf(m.getObjectProperty("idx"));
        } catch (JMSException e) {
            return "?";
        }
    }
}
