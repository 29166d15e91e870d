package dev.petrel.message;

import java.nio.charset.StandardCharsets;

/** The body encoding of a {@code TextMessage}: UTF-8; null text is no body. Stateless and thread-safe. */
public final class TextBodyCodec {
    private TextBodyCodec() {
    }

    public static byte[] encode(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    public static String decode(byte[] body) {
        return body == null ? null : new String(body, StandardCharsets.UTF_8);
    }
}
