package dev.petrel.store;

/**
 * @param location    where the store lives (a directory, a database URL)
 * @param bytesOnDisk its current size on disk
 */
public record StoreStats(String location, long bytesOnDisk) {
}
