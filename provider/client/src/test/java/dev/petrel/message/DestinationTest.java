package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.client.PetrelDestination;
import dev.petrel.client.PetrelQueue;
import dev.petrel.client.PetrelTemporaryQueue;
import dev.petrel.client.PetrelTemporaryTopic;
import dev.petrel.client.PetrelTopic;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The destination classes of dev.petrel.client that the message model uses. */
class DestinationTest {

    @Test
    void queuesWithTheSameNameAreEqual() {
        assertEquals(new PetrelQueue("orders"), new PetrelQueue("orders"));
        assertEquals(new PetrelQueue("orders").hashCode(), new PetrelQueue("orders").hashCode());
    }

    @Test
    void aQueueAndATopicWithTheSameNameDiffer() {
        assertNotEquals(new PetrelQueue("x"), new PetrelTopic("x"));
    }

    @Test
    void aTemporaryQueueDiffersFromAQueueWithTheSameName() {
        assertNotEquals(new PetrelQueue("x"), new PetrelTemporaryQueue("x"));
    }

    @Test
    void temporaryDestinationEqualityIgnoresTheOwner() {
        assertEquals(new PetrelTemporaryTopic("t", d -> { }), new PetrelTemporaryTopic("t"));
    }

    @Test
    void toStringShowsTheKindAndName() {
        assertEquals("queue://orders", new PetrelQueue("orders").toString());
        assertEquals("topic://news", new PetrelTopic("news").toString());
        assertEquals("temp-queue://t1", new PetrelTemporaryQueue("t1").toString());
        assertEquals("temp-topic://t2", new PetrelTemporaryTopic("t2").toString());
    }

    @Test
    void theNameGettersReturnTheName() throws JMSException {
        assertEquals("q", new PetrelQueue("q").getQueueName());
        assertEquals("t", new PetrelTopic("t").getTopicName());
        assertEquals("tq", new PetrelTemporaryQueue("tq").getQueueName());
        assertEquals("tt", new PetrelTemporaryTopic("tt").getTopicName());
    }

    @Test
    void refAndOfMapEveryKindBothWays() {
        for (DestinationRef.Kind kind : DestinationRef.Kind.values()) {
            DestinationRef ref = new DestinationRef(kind, "n");
            assertEquals(ref, PetrelDestination.of(ref).ref());
        }
    }

    @Test
    void ofATemporaryRefGivesATemporaryDestination() {
        assertInstanceOf(PetrelTemporaryQueue.class,
                PetrelDestination.of(new DestinationRef(DestinationRef.Kind.TEMPORARY_QUEUE, "n")));
    }

    @Test
    void aNullNameIsRejectedWithIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelQueue(null));
    }

    @Test
    void aBlankNameIsRejectedWithIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> new PetrelTopic("  "));
    }

    @Test
    void theJavaBeanConstructorAndSetterMakeAUsableQueue() {
        PetrelQueue queue = new PetrelQueue();
        queue.setQueueName("admin.q");
        assertEquals(new PetrelQueue("admin.q"), queue);
    }

    @Test
    void aJavaBeanTopicWithoutANameHasNoRef() {
        PetrelTopic topic = new PetrelTopic();
        assertNull(topic.getTopicName());
        assertThrows(java.lang.IllegalStateException.class, topic::ref);
    }

    @Test
    void deletingATemporaryQueueCallsItsOwner() throws JMSException {
        List<PetrelDestination> deleted = new ArrayList<>();
        PetrelTemporaryQueue queue = new PetrelTemporaryQueue("t", deleted::add);
        queue.delete();
        assertEquals(List.of(queue), deleted);
    }

    @Test
    void deletingATemporaryTopicWithoutAnOwnerThrowsIllegalStateException() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new PetrelTemporaryTopic("t").delete());
        assertTrue(e.getMessage().contains("connection that created it"), e.getMessage());
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }

    @Test
    void aQueueSurvivesJavaSerializationEqual() throws Exception {
        assertEquals(new PetrelQueue("ser"), roundTrip(new PetrelQueue("ser")));
    }

    @Test
    void aSerializedTemporaryQueueLosesItsOwner() throws Exception {
        PetrelTemporaryQueue copy = (PetrelTemporaryQueue) roundTrip(new PetrelTemporaryQueue("t", d -> { }));
        assertEquals(new PetrelTemporaryQueue("t"), copy);
        assertThrows(IllegalStateException.class, copy::delete);
    }

    @Test
    void fromReturnsAPetrelDestinationItself() throws JMSException {
        PetrelQueue queue = new PetrelQueue("q");
        assertSame(queue, PetrelDestination.from(queue));
    }

    @Test
    void fromMapsAForeignTopicByName() throws JMSException {
        assertEquals(new PetrelTopic("ft"), PetrelDestination.from((jakarta.jms.Topic) () -> "ft"));
    }
}
