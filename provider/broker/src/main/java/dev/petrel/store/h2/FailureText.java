package dev.petrel.store.h2;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Describes a failure for a store message: the exception, plus its root cause when that says
 * something the exception's own text does not. H2 wraps an OS error such as "No space left on device"
 * two levels deep under "Writing to ... failed", so without the root cause the message would not say
 * what was wrong. Stateless.
 */
final class FailureText {
    private FailureText() {
    }

    static String describe(Throwable failure) {
        String text = String.valueOf(failure);
        Throwable root = failure;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // H2's cause chains can be circular.
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        if (root == failure || root.getMessage() == null || text.contains(root.getMessage())) {
            return text;
        }
        return text + " (root cause: " + root + ")";
    }
}
