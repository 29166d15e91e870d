package dev.petrel.management;

import java.util.List;

/**
 * What a dead-letter retry did.
 *
 * @param retried         messages sent back to their original destination
 * @param skippedIds      messages left in place because they carry no (or an unknown) original destination
 */
public record RetryResult(long retried, List<String> skippedIds) {

    public RetryResult {
        skippedIds = List.copyOf(skippedIds);
    }
}
