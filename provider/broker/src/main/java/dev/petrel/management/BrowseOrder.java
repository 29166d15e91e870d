package dev.petrel.management;

/** Which end of a backlog a browse starts from. */
public enum BrowseOrder {
    /** Delivery order: the message a consumer would get next comes first. */
    OLDEST_FIRST,
    /** Reverse delivery order: the most recently added message comes first. */
    NEWEST_FIRST
}
