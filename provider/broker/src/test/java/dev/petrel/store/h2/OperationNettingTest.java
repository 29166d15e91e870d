package dev.petrel.store.h2;

import dev.petrel.store.StoreBatch;
import dev.petrel.store.StoreOperation;
import dev.petrel.store.StoreOperation.AddMessage;
import dev.petrel.store.StoreOperation.AddReference;
import dev.petrel.store.StoreOperation.RemoveReference;
import dev.petrel.store.StoreOperation.UpdateDeliveryCount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OperationNettingTest {
    private static final AddMessage M1 = new AddMessage(1, new byte[] {1});
    private static final AddMessage M2 = new AddMessage(2, new byte[] {2});

    private static List<StoreOperation> net(StoreOperation... operations) {
        return OperationNetting.of(List.of(new StoreBatch().addAll(List.of(operations)))).operations();
    }

    @Test
    void aMessageSentAndAcknowledgedInTheWindowLeavesNothingToApply() {
        assertEquals(List.of(), net(M1, new AddReference(7, 1, 4, 0), new UpdateDeliveryCount(7, 1, 1),
                new RemoveReference(7, 1)));
    }

    @Test
    void aMessageWithOneReferenceLeftKeepsTheMessageAndThatReference() {
        AddReference kept = new AddReference(8, 1, 4, 0);
        assertEquals(List.of(M1, kept), net(M1, new AddReference(7, 1, 4, 0), kept, new RemoveReference(7, 1)));
    }

    @Test
    void aRemovalOfAReferenceAddedBeforeTheWindowIsApplied() {
        RemoveReference earlier = new RemoveReference(7, 99);
        assertEquals(List.of(M2, new AddReference(7, 2, 4, 0), earlier),
                net(M2, new AddReference(7, 2, 4, 0), earlier));
    }

    @Test
    void onlyRemovalsOfReferencesAddedBeforeTheWindowCountAsKept() {
        OperationNetting netting = OperationNetting.of(List.of(new StoreBatch().addAll(List.of(
                M2, new AddReference(7, 2, 4, 0), new RemoveReference(7, 2), new RemoveReference(7, 99)))));
        netting.addAll(List.of(new StoreBatch().add(new RemoveReference(8, 98))));

        assertEquals(2, netting.keptRemovals());
    }

    @Test
    void aDeliveryCountUpdateOfAReferenceFromBeforeTheWindowIsApplied() {
        UpdateDeliveryCount update = new UpdateDeliveryCount(7, 99, 3);
        assertEquals(List.of(update), net(update));
    }

    @Test
    void aMessageMovedToAnotherQueueInTheWindowIsWrittenWithItsNewReferenceOnly() {
        AddReference moved = new AddReference(8, 1, 4, 0);
        assertEquals(List.of(M1, moved), net(M1, new AddReference(7, 1, 4, 0), new RemoveReference(7, 1), moved));
    }

    @Test
    void aReferenceAddedAgainAfterItsRemovalIsKept() {
        AddReference again = new AddReference(7, 1, 4, 2);
        assertEquals(List.of(M1, again), net(M1, new AddReference(7, 1, 4, 0), new RemoveReference(7, 1), again));
    }

    @Test
    void operationsInsideAPreparedBranchAreNotNetted() {
        StoreOperation prepare = new StoreOperation.PrepareTransaction(new byte[] {9},
                List.of(new RemoveReference(7, 1)));
        AddReference reference = new AddReference(7, 1, 4, 0);
        assertEquals(List.of(M1, reference, prepare), net(M1, reference, prepare));
    }

    @Test
    void theHighestMessageIdCountsMessagesThatWereNettedAway() {
        OperationNetting netting = OperationNetting.of(List.of(new StoreBatch().addAll(List.of(
                M1, new AddReference(7, 1, 4, 0), M2, new AddReference(7, 2, 4, 0),
                new RemoveReference(7, 2), new RemoveReference(7, 1)))));
        assertEquals(List.of(), netting.operations());
        assertEquals(2, netting.maxMessageId());
    }
}
