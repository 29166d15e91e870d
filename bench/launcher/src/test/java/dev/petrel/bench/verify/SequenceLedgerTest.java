package dev.petrel.bench.verify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceLedgerTest {

    private static SequenceLedger twoProducersOneConsumerEachSent(long count) {
        SequenceLedger ledger = new SequenceLedger("test queue", 2, 1);
        for (long seq = 0; seq < count; seq++) {
            ledger.record(0, 0, seq);
            ledger.record(0, 1, seq);
        }
        return ledger;
    }

    @Test
    void everyMessageOnceAndInOrderPassesVerification() {
        SequenceLedger ledger = twoProducersOneConsumerEachSent(1_000);
        assertDoesNotThrow(() -> ledger.verify(new long[] {1_000, 1_000}));
    }

    @Test
    void lostMessageFailsVerificationNamingTheLostSequence() {
        SequenceLedger ledger = new SequenceLedger("test queue", 1, 1);
        for (long seq = 0; seq < 100; seq++) {
            if (seq != 42) {
                ledger.record(0, 0, seq);
            }
        }
        DeliveryCheckException e = assertThrows(DeliveryCheckException.class, () -> ledger.verify(new long[] {100}));
        assertTrue(e.getMessage().contains("1 lost"), e.getMessage());
        assertTrue(e.getMessage().contains("first lost seq 42"), e.getMessage());
    }

    @Test
    void lastMessageNeverArrivingFailsVerification() {
        SequenceLedger ledger = twoProducersOneConsumerEachSent(10);
        DeliveryCheckException e = assertThrows(DeliveryCheckException.class, () -> ledger.verify(new long[] {10, 11}));
        assertTrue(e.getMessage().contains("producer 1 lost 1 of 11"), e.getMessage());
    }

    @Test
    void duplicatedMessageFailsVerification() {
        SequenceLedger ledger = new SequenceLedger("test queue", 1, 2);
        for (long seq = 0; seq < 10; seq++) {
            ledger.record(0, 0, seq);
        }
        ledger.record(1, 0, 7);
        DeliveryCheckException e = assertThrows(DeliveryCheckException.class, () -> ledger.verify(new long[] {10}));
        assertTrue(e.getMessage().contains("1 duplicated"), e.getMessage());
    }

    @Test
    void messagesOfOneProducerOutOfOrderAtOneConsumerFailVerification() {
        SequenceLedger ledger = new SequenceLedger("test queue", 1, 1);
        ledger.record(0, 0, 0);
        ledger.record(0, 0, 2);
        ledger.record(0, 0, 1);
        DeliveryCheckException e = assertThrows(DeliveryCheckException.class, () -> ledger.verify(new long[] {3}));
        assertTrue(e.getMessage().contains("1 reordered"), e.getMessage());
    }

    @Test
    void consumersSharingAQueueMayInterleaveOneProducersMessages() {
        SequenceLedger ledger = new SequenceLedger("test queue", 1, 2);
        ledger.record(0, 0, 0);
        ledger.record(1, 0, 1);
        ledger.record(0, 0, 2);
        ledger.record(1, 0, 3);
        assertDoesNotThrow(() -> ledger.verify(new long[] {4}));
    }

    @Test
    void messageNumberedBeyondWhatWasSentFailsVerification() {
        SequenceLedger ledger = new SequenceLedger("test queue", 1, 1);
        for (long seq = 0; seq < 6; seq++) {
            ledger.record(0, 0, seq);
        }
        DeliveryCheckException e = assertThrows(DeliveryCheckException.class, () -> ledger.verify(new long[] {5}));
        assertTrue(e.getMessage().contains("1 never sent"), e.getMessage());
    }

    @Test
    void messageFromAnUnknownProducerFailsVerification() {
        SequenceLedger ledger = new SequenceLedger("test queue", 1, 1);
        ledger.record(0, 0, 0);
        ledger.record(0, 3, 0);
        DeliveryCheckException e = assertThrows(DeliveryCheckException.class, () -> ledger.verify(new long[] {1}));
        assertTrue(e.getMessage().contains("1 never sent"), e.getMessage());
    }

    @Test
    void hasAllIsFalseUntilTheLastSentMessageArrives() {
        SequenceLedger ledger = new SequenceLedger("test queue", 1, 1);
        ledger.record(0, 0, 0);
        assertFalse(ledger.hasAll(new long[] {2}));
        ledger.record(0, 0, 1);
        assertTrue(ledger.hasAll(new long[] {2}));
    }
}
