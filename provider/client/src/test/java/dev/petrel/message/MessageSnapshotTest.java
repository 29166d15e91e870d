package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.client.PetrelQueue;
import dev.petrel.client.PetrelTemporaryQueue;
import dev.petrel.client.PetrelTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** toData and fromData: the message as the producer snapshots it and as the consumer gets it. */
class MessageSnapshotTest {

    private static PetrelMessage stamped(PetrelMessage m) throws JMSException {
        m.setJMSMessageID("ID:p-1");
        m.setJMSTimestamp(1000);
        m.setJMSCorrelationID("corr");
        m.setJMSReplyTo(new PetrelTemporaryQueue("tmp-1"));
        m.setJMSDestination(new PetrelTopic("news"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(8);
        m.setJMSExpiration(5000);
        m.setJMSDeliveryTime(1500);
        m.setJMSType("kind");
        m.setStringProperty("s", "v");
        m.setIntProperty("JMSXGroupSeq", 2);
        return m;
    }

    @Test
    void toDataCarriesEveryHeaderAndProperty() throws JMSException {
        MessageData data = stamped(new PetrelMessage()).toData();
        assertEquals("ID:p-1", data.messageId());
        assertEquals(1000, data.timestamp());
        assertEquals("corr", data.correlationId());
        assertEquals(new DestinationRef(DestinationRef.Kind.TEMPORARY_QUEUE, "tmp-1"), data.replyTo());
        assertEquals(DestinationRef.topic("news"), data.destination());
        assertEquals(DeliveryMode.NON_PERSISTENT, data.deliveryMode());
        assertEquals(8, data.priority());
        assertEquals(5000, data.expiration());
        assertEquals(1500, data.deliveryTime());
        assertEquals("kind", data.type());
        assertEquals(Map.of("s", "v", "JMSXGroupSeq", 2), data.properties());
        assertEquals(BodyType.NONE, data.bodyType());
        assertNull(data.body());
    }

    @Test
    void fromDataRestoresEveryHeader() throws JMSException {
        PetrelMessage received = PetrelMessage.fromData(stamped(new PetrelMessage()).toData(), 1, false);
        assertEquals("ID:p-1", received.getJMSMessageID());
        assertEquals(1000, received.getJMSTimestamp());
        assertEquals("corr", received.getJMSCorrelationID());
        assertEquals(new PetrelTemporaryQueue("tmp-1"), received.getJMSReplyTo());
        assertEquals(new PetrelTopic("news"), received.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, received.getJMSDeliveryMode());
        assertEquals(8, received.getJMSPriority());
        assertEquals(5000, received.getJMSExpiration());
        assertEquals(1500, received.getJMSDeliveryTime());
        assertEquals("kind", received.getJMSType());
        assertEquals("v", received.getStringProperty("s"));
    }

    @Test
    void fromDataSetsDeliveryCountAndRedelivered() throws JMSException {
        PetrelMessage received = PetrelMessage.fromData(stamped(new PetrelMessage()).toData(), 4, true);
        assertEquals(4, received.getIntProperty("JMSXDeliveryCount"));
        assertTrue(received.getJMSRedelivered());
    }

    @Test
    void resendingAReceivedMessageDoesNotCarryItsDeliveryCount() throws JMSException {
        PetrelMessage received = PetrelMessage.fromData(stamped(new PetrelMessage()).toData(), 4, true);
        assertFalse(received.toData().properties().containsKey("JMSXDeliveryCount"));
    }

    @Test
    void fromDataBuildsTheSubtypeOfTheBodyType() {
        Map<BodyType, Class<?>> expected = Map.of(BodyType.NONE, PetrelMessage.class,
                BodyType.TEXT, PetrelTextMessage.class, BodyType.BYTES, PetrelBytesMessage.class,
                BodyType.MAP, PetrelMapMessage.class, BodyType.STREAM, PetrelStreamMessage.class,
                BodyType.OBJECT, PetrelObjectMessage.class);
        for (BodyType type : BodyType.values()) {
            MessageData data = new MessageData(null, 0, null, null, null, DestinationRef.queue("q"), 2, 4, 0, 0,
                    null, null, type, null);
            assertEquals(expected.get(type), PetrelMessage.fromData(data, 1, false).getClass());
        }
    }

    @Test
    void toDataReportsTheBodyTypeOfEachSubtype() throws JMSException {
        assertEquals(BodyType.TEXT, stamped(new PetrelTextMessage("x")).toData().bodyType());
        assertEquals(BodyType.BYTES, stamped(new PetrelBytesMessage()).toData().bodyType());
        assertEquals(BodyType.MAP, stamped(new PetrelMapMessage()).toData().bodyType());
        assertEquals(BodyType.STREAM, stamped(new PetrelStreamMessage()).toData().bodyType());
        assertEquals(BodyType.OBJECT, stamped(new PetrelObjectMessage()).toData().bodyType());
    }

    @Test
    void theSnapshotIsIndependentOfLaterChangesToTheMessage() throws JMSException {
        PetrelTextMessage m = (PetrelTextMessage) stamped(new PetrelTextMessage("before"));
        MessageData data = m.toData();
        m.setText("after");
        m.setStringProperty("s", "changed");
        m.setJMSType("other");
        assertEquals("before", TextBodyCodec.decode(data.body()));
        assertEquals("v", data.property("s"));
        assertEquals("kind", data.type());
    }

    @Test
    void theReceivedMessageIsIndependentOfTheSnapshotsBodyArray() throws JMSException {
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeByte((byte) 1);
        MessageData data = stamped(m).toData();
        PetrelBytesMessage received = (PetrelBytesMessage) PetrelMessage.fromData(data, 1, false);
        byte[] body = received.getBody(byte[].class);
        body[0] = 9;
        assertEquals(1, received.readByte());
    }

    @Test
    void toDataWithoutADestinationThrowsIllegalStateException() {
        assertThrows(IllegalStateException.class, () -> new PetrelMessage().toData());
    }

    @Test
    void aForeignQueueAsReplyToIsMappedByName() throws JMSException {
        PetrelMessage m = stamped(new PetrelMessage());
        m.setJMSReplyTo((Queue) () -> "foreign.replies");
        assertEquals(DestinationRef.queue("foreign.replies"), m.toData().replyTo());
    }

    @Test
    void aForeignDestinationThatIsNeitherQueueNorTopicIsRejected() throws JMSException {
        PetrelMessage m = stamped(new PetrelMessage());
        m.setJMSReplyTo(new Destination() { });
        assertThrows(InvalidDestinationException.class, m::toData);
    }

    @Test
    void aReceivedReplyToTemporaryQueueCannotBeDeleted() throws JMSException {
        PetrelMessage received = PetrelMessage.fromData(stamped(new PetrelMessage()).toData(), 1, false);
        PetrelTemporaryQueue replyTo = assertInstanceOf(PetrelTemporaryQueue.class, received.getJMSReplyTo());
        assertThrows(IllegalStateException.class, replyTo::delete);
    }

    @Test
    void aReceivedMessageWithAQueueDestinationHasAPetrelQueue() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        m.setJMSDestination(new PetrelQueue("orders"));
        assertEquals(new PetrelQueue("orders"), Messages.received(m).getJMSDestination());
    }

    @Test
    void aBigBytesBodySurvivesSending() throws JMSException {
        byte[] big = new byte[2 * 1024 * 1024];
        new java.util.Random(3).nextBytes(big);
        PetrelBytesMessage m = new PetrelBytesMessage();
        m.writeBytes(big);
        PetrelBytesMessage received = (PetrelBytesMessage) Messages.received(m);
        assertArrayEquals(big, received.getBody(byte[].class));
    }
}
