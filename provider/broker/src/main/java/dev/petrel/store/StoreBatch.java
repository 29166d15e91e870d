package dev.petrel.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Operations made durable together, atomically. Built by one thread, then handed to {@link MessageStore#write}. */
public final class StoreBatch {
    private final List<StoreOperation> operations = new ArrayList<>();

    public StoreBatch add(StoreOperation operation) {
        operations.add(operation);
        return this;
    }

    public StoreBatch addAll(List<StoreOperation> more) {
        operations.addAll(more);
        return this;
    }

    public List<StoreOperation> operations() {
        return Collections.unmodifiableList(operations);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }

    public int size() {
        return operations.size();
    }
}
