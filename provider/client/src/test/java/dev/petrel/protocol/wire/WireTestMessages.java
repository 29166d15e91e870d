package dev.petrel.protocol.wire;

import dev.petrel.message.MessageData;

/** A sample message for tests outside this package. */
public final class WireTestMessages {

    private WireTestMessages() {
    }

    public static MessageData message() {
        return WireSamples.message("sample");
    }
}
