package dev.petrel.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petrel.client.PetrelQueue;
import dev.petrel.client.PetrelTopic;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void aNewMessageHasTheDefaultHeaders() {
        PetrelMessage m = new PetrelMessage();
        assertNull(m.getJMSMessageID());
        assertNull(m.getJMSDestination());
        assertEquals(DeliveryMode.PERSISTENT, m.getJMSDeliveryMode());
        assertEquals(4, m.getJMSPriority());
        assertEquals(0, m.getJMSExpiration());
        assertFalse(m.getJMSRedelivered());
    }

    @Test
    void everyHeaderReadsBackWhatWasSet() {
        PetrelMessage m = new PetrelMessage();
        m.setJMSMessageID("ID:1");
        m.setJMSTimestamp(11);
        m.setJMSCorrelationID("c");
        m.setJMSReplyTo(new PetrelTopic("r"));
        m.setJMSDestination(new PetrelQueue("d"));
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSRedelivered(true);
        m.setJMSType("t");
        m.setJMSExpiration(22);
        m.setJMSDeliveryTime(33);
        m.setJMSPriority(7);
        assertEquals("ID:1", m.getJMSMessageID());
        assertEquals(11, m.getJMSTimestamp());
        assertEquals("c", m.getJMSCorrelationID());
        assertEquals(new PetrelTopic("r"), m.getJMSReplyTo());
        assertEquals(new PetrelQueue("d"), m.getJMSDestination());
        assertEquals(DeliveryMode.NON_PERSISTENT, m.getJMSDeliveryMode());
        assertTrue(m.getJMSRedelivered());
        assertEquals("t", m.getJMSType());
        assertEquals(22, m.getJMSExpiration());
        assertEquals(33, m.getJMSDeliveryTime());
        assertEquals(7, m.getJMSPriority());
    }

    @Test
    void correlationIdBytesReadBackAsACopy() {
        PetrelMessage m = new PetrelMessage();
        byte[] id = {1, 2, 3};
        m.setJMSCorrelationIDAsBytes(id);
        id[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, m.getJMSCorrelationIDAsBytes());
    }

    @Test
    void aStringCorrelationIdReadsAsItsUtf8Bytes() {
        PetrelMessage m = new PetrelMessage();
        m.setJMSCorrelationID("ü");
        assertArrayEquals("ü".getBytes(StandardCharsets.UTF_8), m.getJMSCorrelationIDAsBytes());
    }

    @Test
    void correlationIdBytesSurviveSendingExactly() throws JMSException {
        PetrelMessage m = new PetrelMessage();
        byte[] id = {(byte) 0xFF, 0, (byte) 0x80};
        m.setJMSCorrelationIDAsBytes(id);
        assertArrayEquals(id, Messages.received(m).getJMSCorrelationIDAsBytes());
    }

    @Test
    void settingAStringCorrelationIdReplacesTheBytes() {
        PetrelMessage m = new PetrelMessage();
        m.setJMSCorrelationIDAsBytes(new byte[] {1});
        m.setJMSCorrelationID("s");
        assertArrayEquals("s".getBytes(StandardCharsets.UTF_8), m.getJMSCorrelationIDAsBytes());
    }

    @Test
    void acknowledgeOnASentMessageDoesNothing() throws JMSException {
        new PetrelMessage().acknowledge();
    }

    @Test
    void acknowledgeCallsTheAcknowledger() throws JMSException {
        PetrelMessage m = Messages.received(new PetrelMessage());
        int[] calls = {0};
        m.setAcknowledger(() -> calls[0]++);
        m.acknowledge();
        assertEquals(1, calls[0]);
    }

    @Test
    void acknowledgePropagatesTheAcknowledgersException() throws JMSException {
        PetrelMessage m = Messages.received(new PetrelMessage());
        m.setAcknowledger(() -> {
            throw new jakarta.jms.IllegalStateException("session closed");
        });
        org.junit.jupiter.api.Assertions.assertThrows(jakarta.jms.IllegalStateException.class, m::acknowledge);
    }
}
