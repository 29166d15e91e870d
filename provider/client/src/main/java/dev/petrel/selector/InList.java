package dev.petrel.selector;

import dev.petrel.message.MessageData;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code identifier [NOT] IN ('a', 'b', ...)}. A NULL identifier is UNKNOWN (spec); a non-string
 * value is FALSE for both IN and NOT IN (a comparison of unlike types). Short lists are scanned,
 * longer ones use a hash set. Immutable.
 */
final class InList extends Condition {

    private static final int SCAN_LIMIT = 8;

    private final Expr identifier;
    private final String[] items;
    private final Set<String> itemSet;
    private final boolean negated;

    InList(Expr identifier, List<String> items, boolean negated, int end) {
        super(identifier.start, end, depthOf(identifier));
        this.identifier = identifier;
        this.items = items.toArray(String[]::new);
        this.itemSet = items.size() > SCAN_LIMIT ? new HashSet<>(items) : null;
        this.negated = negated;
    }

    @Override
    int truth(MessageData message) {
        Object v = identifier.value(message);
        if (v == null) {
            return Truth.UNKNOWN;
        }
        if (!(v instanceof String s)) {
            return Truth.FALSE;
        }
        return Truth.of(contains(s) != negated);
    }

    private boolean contains(String s) {
        if (itemSet != null) {
            return itemSet.contains(s);
        }
        for (String item : items) {
            if (item.equals(s)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "(" + identifier + (negated ? " NOT IN (" : " IN (")
                + Arrays.stream(items).map(Literal::quote).collect(Collectors.joining(", ")) + "))";
    }
}
